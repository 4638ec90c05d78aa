-- Up Migration

-- Network reference data. The seed rewrites these tables; none of the history tables below may reference them, or
-- reseeding would have to cascade into what workflows recorded.
CREATE TABLE devices (
  id text PRIMARY KEY,
  site text NOT NULL,
  time_zone text NOT NULL, -- IANA, so business-hours rules follow the device's own daylight saving
  team text NOT NULL,
  vendor text NOT NULL,
  model text NOT NULL,
  firmware text NOT NULL,
  role text NOT NULL
);

CREATE TABLE bgp_peers (
  id text PRIMARY KEY,
  name text NOT NULL,
  location text NOT NULL,
  asn bigint NOT NULL CHECK (asn BETWEEN 1 AND 4294967295),
  address inet NOT NULL -- syslog names a neighbour only by address
);

CREATE TABLE bgp_sessions (
  device_id text NOT NULL REFERENCES devices (id),
  peer_id text NOT NULL REFERENCES bgp_peers (id),
  state text NOT NULL CHECK (state IN ('Idle', 'Connect', 'Active', 'OpenSent', 'OpenConfirm', 'Established')),
  flaps_last_hour integer NOT NULL DEFAULT 0 CHECK (flaps_last_hour >= 0),
  last_change_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, peer_id)
);
CREATE INDEX bgp_sessions_peer_idx ON bgp_sessions (peer_id);

CREATE TABLE interface_stats (
  device_id text NOT NULL REFERENCES devices (id),
  name text NOT NULL,
  oper_status text NOT NULL CHECK (oper_status IN ('up', 'down', 'admin-down')),
  errors_last_hour integer NOT NULL DEFAULT 0 CHECK (errors_last_hour >= 0),
  utilisation_pct double precision NOT NULL CHECK (utilisation_pct BETWEEN 0 AND 100),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, name)
);

CREATE TABLE metric_definitions (
  metric text PRIMARY KEY,
  unit text NOT NULL,
  baseline double precision NOT NULL,
  threshold double precision NOT NULL,
  direction text NOT NULL CHECK (direction IN ('above', 'below')) -- which side of the threshold is a fault
);

-- Not unique on (device, metric, at): a simulated recovery may land on the same instant as another sample.
CREATE TABLE metric_samples (
  device_id text NOT NULL REFERENCES devices (id),
  metric text NOT NULL REFERENCES metric_definitions (metric),
  at timestamptz NOT NULL,
  value double precision NOT NULL
);
CREATE INDEX metric_samples_device_metric_at_idx ON metric_samples (device_id, metric, at DESC);

CREATE TABLE syslog_lines (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (id),
  at timestamptz NOT NULL,
  severity smallint NOT NULL CHECK (severity BETWEEN 0 AND 7), -- RFC 5424: 0 emergency … 7 debug
  facility text NOT NULL,
  text text NOT NULL
);
CREATE INDEX syslog_lines_device_at_idx ON syslog_lines (device_id, at DESC);

-- target is a device or a BGP peer id, so a peer's maintenance shows up against the routers that peer with it.
CREATE TABLE change_log (
  id text PRIMARY KEY,
  target text NOT NULL,
  at timestamptz NOT NULL,
  summary text NOT NULL,
  author text NOT NULL
);
CREATE INDEX change_log_target_at_idx ON change_log (target, at DESC);

CREATE TABLE oncall_roster (
  team text NOT NULL,
  tier integer NOT NULL CHECK (tier >= 1),
  engineer_id text NOT NULL,
  display_name text NOT NULL,
  PRIMARY KEY (team, tier, engineer_id)
);

-- History written by fault workflows: no foreign keys into the reseeded tables above.
CREATE TABLE telemetry_bundles (
  ref text PRIMARY KEY,
  device_id text NOT NULL,
  alert_id text NOT NULL,
  bundle jsonb NOT NULL,
  bytes integer NOT NULL CHECK (bytes >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pages (
  id bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  team text NOT NULL,
  tier integer NOT NULL,
  engineer_ids text[] NOT NULL,
  device_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('approval_request', 'reminder', 'escalation', 'failed_verification', 'safe_stop')),
  message text NOT NULL,
  workflow_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX pages_workflow_idx ON pages (workflow_id);

-- One row per (workflow, action): the unique key is what makes a retried or replayed execution a no-op.
CREATE TABLE action_executions (
  id bigserial PRIMARY KEY,
  workflow_id text NOT NULL,
  action text NOT NULL,
  device_id text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  approved_by text,
  emergency boolean NOT NULL DEFAULT false,
  executed_at timestamptz NOT NULL,
  UNIQUE (workflow_id, action),
  -- Only an approver can declare an emergency.
  CHECK (NOT emergency OR approved_by IS NOT NULL)
);
CREATE INDEX action_executions_device_idx ON action_executions (device_id, executed_at DESC);

-- Down Migration

DROP TABLE action_executions;
DROP TABLE pages;
DROP TABLE telemetry_bundles;
DROP TABLE oncall_roster;
DROP TABLE change_log;
DROP TABLE syslog_lines;
DROP TABLE metric_samples;
DROP TABLE metric_definitions;
DROP TABLE interface_stats;
DROP TABLE bgp_sessions;
DROP TABLE bgp_peers;
DROP TABLE devices;
