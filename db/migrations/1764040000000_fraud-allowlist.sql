-- Up Migration

-- Known-good patterns per account: from analysts closing a flag as legitimate, and from travel history.
-- Detection skips an account for a pattern listed here.
CREATE TABLE fraud_allowlist (
  account_id bigint NOT NULL,
  pattern text NOT NULL,
  reason text NOT NULL,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, pattern)
);

-- Down Migration

DROP TABLE fraud_allowlist;
