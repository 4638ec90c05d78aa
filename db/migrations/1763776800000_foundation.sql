-- Up Migration

CREATE TABLE plans (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  monthly_price numeric(10, 2) NOT NULL CHECK (monthly_price >= 0),
  data_gb integer, -- NULL means unlimited
  roaming_mb integer NOT NULL DEFAULT 0,
  included_countries text[] NOT NULL DEFAULT '{}',
  roaming_overage_per_mb numeric(10, 4) NOT NULL,
  data_overage_per_gb numeric(10, 2) NOT NULL,
  description text NOT NULL
);

CREATE TABLE customers (
  id text PRIMARY KEY,
  full_name text NOT NULL,
  email text NOT NULL,
  phone text NOT NULL,
  postcode text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  plan_id text NOT NULL REFERENCES plans (id),
  status text NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
  opened_on date NOT NULL
);
CREATE INDEX accounts_customer_idx ON accounts (customer_id);

CREATE TABLE charges (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  posted_on date NOT NULL,
  amount numeric(10, 2) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('plan', 'roaming', 'overage', 'device', 'credit', 'refund', 'premium_sms', 'other')),
  description text NOT NULL,
  country text,
  usage_mb numeric(12, 2)
);
CREATE INDEX charges_account_posted_idx ON charges (account_id, posted_on DESC);

CREATE TABLE support_tickets (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  channel text NOT NULL CHECK (channel IN ('chat', 'email', 'ivr')),
  subject text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'pending', 'closed')),
  opened_on date NOT NULL
);
CREATE INDEX support_tickets_account_idx ON support_tickets (account_id) WHERE status <> 'closed';

CREATE TABLE knowledge_articles (
  id text PRIMARY KEY,
  title text NOT NULL,
  category text NOT NULL,
  body text NOT NULL,
  updated_on date NOT NULL,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
  ) STORED
);
CREATE INDEX knowledge_articles_search_idx ON knowledge_articles USING gin (search);

-- Credits, discounts and refunds are decided here, never by the model.
CREATE TABLE credit_policy (
  action text PRIMARY KEY,
  max_amount numeric(10, 2),
  max_percent numeric(5, 2),
  min_tenure_months integer NOT NULL DEFAULT 0,
  description text NOT NULL
);

-- Account facts frozen at the moment a ticket was handled; workflows carry only the ref.
CREATE TABLE ticket_contexts (
  ref text PRIMARY KEY,
  ticket_id text NOT NULL,
  account_id text NOT NULL,
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  ticket_id text NOT NULL,
  account_id text NOT NULL,
  channel text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reply', 'clarification')),
  body text NOT NULL,
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX outbox_ticket_idx ON outbox (ticket_id);

CREATE TABLE handoffs (
  id bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  ticket_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('review', 'escalation')),
  reasons text[] NOT NULL,
  workflow_id text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX handoffs_open_idx ON handoffs (kind, created_at) WHERE status = 'open';

CREATE TABLE model_calls (
  id bigserial PRIMARY KEY,
  workflow_id text NOT NULL,
  activity_id text NOT NULL,
  attempt integer NOT NULL,
  task text NOT NULL,
  provider text NOT NULL,
  model_id text NOT NULL,
  prompt_id text NOT NULL,
  prompt_version text NOT NULL,
  request_id text NOT NULL,
  input_tokens integer NOT NULL,
  output_tokens integer NOT NULL,
  cache_read_tokens integer NOT NULL,
  cache_write_tokens integer NOT NULL,
  cost_usd numeric(12, 8) NOT NULL,
  latency_ms integer NOT NULL,
  stop_reason text NOT NULL,
  repaired boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX model_calls_workflow_idx ON model_calls (workflow_id);

-- Down Migration

DROP TABLE model_calls;
DROP TABLE handoffs;
DROP TABLE outbox;
DROP TABLE ticket_contexts;
DROP TABLE credit_policy;
DROP TABLE knowledge_articles;
DROP TABLE support_tickets;
DROP TABLE charges;
DROP TABLE accounts;
DROP TABLE customers;
DROP TABLE plans;
