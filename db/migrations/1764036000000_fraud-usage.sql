-- Up Migration

-- Synthetic usage for the fraud sweep, kept apart from the CRM demo tables because the generator truncates and
-- reloads them wholesale (up to 1M accounts). No foreign keys: they would slow the bulk load and the generator
-- writes every table from the same account ids anyway.
CREATE TABLE fraud_accounts (
  id bigint PRIMARY KEY,
  plan_code text NOT NULL,
  plan_type text NOT NULL CHECK (plan_type IN ('domestic', 'travel', 'business')),
  home_country text NOT NULL DEFAULT 'AU',
  opened_on date NOT NULL
);

CREATE TABLE fraud_voice_calls (
  account_id bigint NOT NULL,
  started_at timestamptz NOT NULL,
  destination_country text NOT NULL, -- ISO 3166 alpha-2; the home country for domestic calls
  premium boolean NOT NULL, -- premium-rate number (1900 locally, premium ranges abroad)
  seconds integer NOT NULL CHECK (seconds >= 0),
  charge numeric(12, 2) NOT NULL
);

-- One row per account per day: the sweep reads daily totals, never individual sessions.
CREATE TABLE fraud_data_sessions (
  account_id bigint NOT NULL,
  day date NOT NULL,
  mb numeric(12, 1) NOT NULL
);

CREATE TABLE fraud_roaming_events (
  account_id bigint NOT NULL,
  day date NOT NULL,
  country text NOT NULL,
  mb numeric(12, 1) NOT NULL
);

CREATE TABLE fraud_sms_charges (
  account_id bigint NOT NULL,
  charged_at timestamptz NOT NULL,
  vendor text NOT NULL,
  amount numeric(10, 2) NOT NULL,
  premium boolean NOT NULL
);

CREATE TABLE fraud_sim_changes (
  account_id bigint NOT NULL,
  changed_at timestamptz NOT NULL
);

-- Countries seen before the generated window: what an allowlist like "40+ countries in 2 years" is built from.
CREATE TABLE fraud_travel_history (
  account_id bigint NOT NULL,
  country text NOT NULL,
  first_seen date NOT NULL
);

-- Ground truth for scoring detection. Look-alikes are labelled too (is_fraud false) so that false positives can
-- be counted per look-alike type.
CREATE TABLE fraud_labels (
  account_id bigint PRIMARY KEY,
  pattern text NOT NULL CHECK (
    pattern IN (
      'roaming_spree',
      'sim_swap',
      'usage_spike',
      'subscription_mismatch',
      'slow_bleed',
      'irsf',
      'lookalike_traveller',
      'lookalike_new_account'
    )
  ),
  is_fraud boolean NOT NULL,
  onset_on date NOT NULL -- first day the injected behaviour shows, so a sweep for an earlier date is not scored on it
);

-- The generator drops and recreates these around its bulk load (scripts/fraud/schema.ts keeps the same list).
-- Per-account indexes serve baselines and evidence; per-day ones serve the daily sweep's scan.
CREATE INDEX fraud_voice_calls_account_idx ON fraud_voice_calls (account_id, started_at);
CREATE INDEX fraud_voice_calls_started_idx ON fraud_voice_calls (started_at);
CREATE INDEX fraud_data_sessions_account_idx ON fraud_data_sessions (account_id, day);
CREATE INDEX fraud_data_sessions_day_idx ON fraud_data_sessions (day);
CREATE INDEX fraud_roaming_events_account_idx ON fraud_roaming_events (account_id, day);
CREATE INDEX fraud_roaming_events_day_idx ON fraud_roaming_events (day);
CREATE INDEX fraud_sms_charges_account_idx ON fraud_sms_charges (account_id, charged_at);
CREATE INDEX fraud_sms_charges_charged_idx ON fraud_sms_charges (charged_at);
CREATE INDEX fraud_sim_changes_account_idx ON fraud_sim_changes (account_id, changed_at);
CREATE INDEX fraud_sim_changes_changed_idx ON fraud_sim_changes (changed_at);
CREATE INDEX fraud_travel_history_account_idx ON fraud_travel_history (account_id, country);

-- Down Migration

DROP TABLE fraud_labels;
DROP TABLE fraud_travel_history;
DROP TABLE fraud_sim_changes;
DROP TABLE fraud_sms_charges;
DROP TABLE fraud_roaming_events;
DROP TABLE fraud_data_sessions;
DROP TABLE fraud_voice_calls;
DROP TABLE fraud_accounts;
