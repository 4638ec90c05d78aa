-- Up Migration

-- The incident log as engineers keep it. The seed rewrites incidents and regulator_notifications; the report and
-- review tables below are what compliance workflows recorded, so they hold incident ids without foreign keys.
CREATE TABLE incidents (
  id text PRIMARY KEY,
  opened_at timestamptz NOT NULL, -- reporting periods are Australia/Sydney calendar months, not UTC ones
  description text NOT NULL, -- free text: the only field that is always filled in
  -- Often NULL: engineers fill these in when they remember, so extraction falls back to the description.
  incident_type text CHECK (incident_type IN ('data_breach', 'service_outage', 'security_vulnerability', 'other')),
  customers_affected integer CHECK (customers_affected >= 0)
);
CREATE INDEX incidents_opened_at_idx ON incidents (opened_at);

CREATE TABLE regulator_notifications (
  incident_id text NOT NULL REFERENCES incidents (id),
  reported_on date NOT NULL, -- the date ACMA received it, as on their acknowledgement
  reference text NOT NULL,
  PRIMARY KEY (incident_id, reference)
);

-- A regenerated report is a new version, never an overwrite: auditors must see what was signed off and when.
CREATE TABLE compliance_reports (
  id bigserial PRIMARY KEY,
  period_start date NOT NULL,
  period_end date NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  csv text NOT NULL,
  summary text NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('PASS', 'FAIL', 'PENDING')),
  reviewer text,
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (period_start, period_end, version),
  CHECK (period_end >= period_start)
);

-- One row per extracted field a human must confirm; the unique key makes a retried activity a no-op.
CREATE TABLE compliance_reviews (
  id bigserial PRIMARY KEY,
  workflow_id text NOT NULL,
  incident_id text NOT NULL,
  field text NOT NULL,
  extracted text,
  source_excerpt text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_by text,
  corrected_value text,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (workflow_id, incident_id, field),
  -- A resolution without a name and a time is not auditable.
  CHECK (status = 'open' OR (resolved_by IS NOT NULL AND resolved_at IS NOT NULL))
);
CREATE INDEX compliance_reviews_open_idx ON compliance_reviews (workflow_id) WHERE status = 'open';

-- Down Migration

DROP TABLE compliance_reviews;
DROP TABLE compliance_reports;
DROP TABLE regulator_notifications;
DROP TABLE incidents;
