-- Up Migration

-- API keys for the HTTP API, the CLI and the codec server. Only a SHA-256 of each key is stored: a leaked table
-- grants nothing. The identity is what decisions carry into workflows and the audit trail.
CREATE TABLE api_keys (
  id bigserial PRIMARY KEY,
  identity text NOT NULL CHECK (identity ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
  role text NOT NULL CHECK (role IN ('service', 'agent', 'oncall', 'analyst', 'auditor')),
  key_prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_keys_identity ON api_keys (identity);

-- Down Migration

DROP TABLE api_keys;
