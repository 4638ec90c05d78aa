-- Up Migration

-- A fault's workflow id is its alert fingerprint, so the same fault on the same device next week reuses the id.
-- Exactly-once must hold per run, not per id: otherwise next week's approved action would be skipped as a duplicate.
ALTER TABLE action_executions ADD COLUMN run_id text NOT NULL DEFAULT '';
ALTER TABLE action_executions DROP CONSTRAINT action_executions_workflow_id_action_key;
ALTER TABLE action_executions ADD CONSTRAINT action_executions_run_action_key UNIQUE (workflow_id, run_id, action);

-- Down Migration

ALTER TABLE action_executions DROP CONSTRAINT action_executions_run_action_key;
ALTER TABLE action_executions ADD CONSTRAINT action_executions_workflow_id_action_key UNIQUE (workflow_id, action);
ALTER TABLE action_executions DROP COLUMN run_id;
