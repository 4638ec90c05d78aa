-- Up Migration

-- What detection flagged for a sweep date, one row per account: the workflow carries counts and cursors, not rows.
CREATE TABLE fraud_sweep_flags (
  sweep_date date NOT NULL,
  account_id bigint NOT NULL,
  patterns text[] NOT NULL,
  evidence jsonb NOT NULL,
  plan_type text NOT NULL,
  PRIMARY KEY (sweep_date, account_id)
);

-- The analysts' queue. One item per account per sweep date, whatever retries or re-runs happen.
CREATE TABLE fraud_review_queue (
  id bigserial PRIMARY KEY,
  sweep_date date NOT NULL,
  account_id bigint NOT NULL,
  patterns text[] NOT NULL,
  evidence jsonb NOT NULL,
  narrative text NOT NULL,
  risk_level text NOT NULL,
  recommended_actions text[] NOT NULL,
  verified boolean NOT NULL,
  unverified_figures text[] NOT NULL DEFAULT '{}',
  model_id text NOT NULL,
  cost_usd numeric(12, 8) NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed_fraud', 'investigating', 'closed_legitimate')),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sweep_date, account_id)
);
CREATE INDEX fraud_review_queue_open_idx ON fraud_review_queue (sweep_date) WHERE status = 'open';

-- Down Migration

DROP TABLE fraud_review_queue;
DROP TABLE fraud_sweep_flags;
