-- Up Migration

-- The audit trail: every model call and every human or automatic decision, with who made it. Each row carries the
-- hash of the one before, so editing or removing any row breaks the chain at that row (scripts/audit.ts verify).
-- Details hold ids and metadata only; a sampled model exchange is stored sealed under the payload key ring.
-- seq is assigned under an advisory lock as the last seq + 1, not by a sequence: a rolled-back append must not
-- leave a gap that verification would report as a deleted row.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('model_call', 'decision')),
  workflow_id text,
  actor text NOT NULL,
  action text NOT NULL,
  details jsonb NOT NULL,
  sample_key_id text,
  sample bytea,
  dedupe_key text UNIQUE,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  CHECK ((sample IS NULL) = (sample_key_id IS NULL))
);
CREATE INDEX audit_log_recorded_at_idx ON audit_log (recorded_at);
CREATE INDEX audit_log_workflow_idx ON audit_log (workflow_id) WHERE workflow_id IS NOT NULL;

-- Where a pruned chain now starts: the seq and hash of the last row retention removed.
CREATE TABLE audit_chain_anchor (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  pruned_at timestamptz NOT NULL DEFAULT now()
);

-- A guard against mistakes and application bugs, not against a database owner (who can disable it): the hash chain
-- is what makes tampering visible. Only retention, inside its own transaction, may delete.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' AND TG_TABLE_NAME = 'audit_log' AND current_setting('switchboard.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_TABLE_NAME = 'audit_chain_anchor' AND current_setting('switchboard.audit_prune', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_chain_anchor_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- One append, atomically: the advisory lock orders appends (also when the caller's transaction holds it until its
-- own COMMIT), and each statement below sees rows committed while it waited. The caller supplies the canonical
-- JSON of the row's content (activities/audit/chain.ts); hash = sha256(prev_hash \n seq \n body), hex.
-- The lock key must match auditLockKey in activities/audit/chain.ts.
CREATE FUNCTION audit_append(
  p_recorded_at timestamptz, p_kind text, p_workflow_id text, p_actor text, p_action text, p_details jsonb,
  p_sample_key_id text, p_sample bytea, p_dedupe_key text, p_body text
) RETURNS TABLE (seq bigint, hash text) LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  new_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7330155001);
  IF p_dedupe_key IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log a WHERE a.dedupe_key = p_dedupe_key) THEN
    RETURN;
  END IF;
  SELECT a.seq, a.hash INTO last_seq, last_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  IF last_seq IS NULL THEN
    SELECT c.seq, c.hash INTO last_seq, last_hash FROM audit_chain_anchor c;
  END IF;
  IF last_seq IS NULL THEN
    last_seq := 0;
    last_hash := repeat('0', 64);
  END IF;
  new_hash := encode(sha256(convert_to(last_hash || E'\n' || (last_seq + 1)::text || E'\n' || p_body, 'UTF8')), 'hex');
  INSERT INTO audit_log (seq, recorded_at, kind, workflow_id, actor, action, details, sample_key_id, sample,
                         dedupe_key, prev_hash, hash)
  VALUES (last_seq + 1, p_recorded_at, p_kind, p_workflow_id, p_actor, p_action, p_details, p_sample_key_id,
          p_sample, p_dedupe_key, last_hash, new_hash);
  RETURN QUERY SELECT last_seq + 1, new_hash;
END $$;

-- Down Migration

DROP FUNCTION audit_append;
DROP TABLE audit_chain_anchor;
DROP TABLE audit_log;
DROP FUNCTION audit_log_append_only;
