-- Up Migration

-- One row per evaluation run (an A/B run writes one per variant), so drift between runs is a query, not a
-- spreadsheet. `figures` is the run's headline numbers as the report printed them; `prompt_versions` maps each
-- prompt id to the hash of the file that served it.
CREATE TABLE eval_runs (
  id bigserial PRIMARY KEY,
  use_case text NOT NULL,
  variant text NOT NULL,
  provider text NOT NULL,
  model text NOT NULL,
  prompt_versions jsonb NOT NULL,
  items integer NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  figures jsonb NOT NULL
);
CREATE INDEX eval_runs_use_case_idx ON eval_runs (use_case, started_at DESC);

-- Per-item outcomes, for "which items changed since the last run". Labels and predictions only: no customer text.
CREATE TABLE eval_items (
  run_id bigint NOT NULL REFERENCES eval_runs (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  expected jsonb NOT NULL,
  predicted jsonb NOT NULL,
  correct boolean NOT NULL,
  confidence double precision,
  latency_ms double precision NOT NULL,
  cost_usd double precision NOT NULL,
  PRIMARY KEY (run_id, item_id)
);

-- Down Migration

DROP TABLE eval_items;
DROP TABLE eval_runs;
