-- Up Migration

-- The customer's "was this helpful?", one answer per ticket (a second is refused, not merged), feeding the
-- evaluation's drift figures. `comment` is the customer's own words: personal data, stored but never logged.
CREATE TABLE ticket_feedback (
  ticket_id text PRIMARY KEY,
  workflow_id text NOT NULL,
  helpful boolean NOT NULL,
  comment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_feedback_created_idx ON ticket_feedback (created_at);

-- Down Migration

DROP TABLE ticket_feedback;
