-- Up Migration

-- Public keys of the people who decide (on-call engineers, agents, compliance reviewers, fraud analysts) and of the
-- API's issuer key. Private keys never reach this database: each person's stays with them, the issuer's with the API.
-- A workflow counts a decision only when its signature verifies against a live key registered here.
CREATE TABLE decision_keys (
  key_id text PRIMARY KEY CHECK (key_id ~ '^[a-f0-9]{32}$'),
  identity text NOT NULL CHECK (identity ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
  role text NOT NULL CHECK (role IN ('oncall', 'agent', 'reviewer', 'analyst', 'issuer')),
  public_key text NOT NULL UNIQUE,
  registered_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX decision_keys_identity ON decision_keys (identity);

-- Every nonce a workflow has accepted or refused once: a second use is a replay. `used_by` names the activity that
-- consumed it, so a retry of that same verification is not mistaken for a replay.
CREATE TABLE decision_nonces (
  nonce text PRIMARY KEY,
  key_id text NOT NULL,
  workflow_id text NOT NULL,
  used_by text NOT NULL,
  used_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration

DROP TABLE decision_nonces;
DROP TABLE decision_keys;
