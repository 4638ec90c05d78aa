-- Up Migration

-- The audit trail against its own operators. The application connects as a login role granted switchboard_app,
-- which may read and append audit rows and nothing more: it does not own audit_log (so cannot disable its
-- triggers), holds no UPDATE, DELETE or TRUNCATE on it, and cannot write the anchor or prune. Retention runs through
-- audit_prune, a SECURITY DEFINER function owned by switchboard_audit_admin. Row hashes become HMACs computed in Node
-- with a key PostgreSQL never sees (activities/audit/chain.ts), so someone with the database alone cannot forge a
-- row; the chain head is copied into Temporal history (workflows/audit-anchor), so a cut tail shows too.
-- Objects are named unqualified and grants use current_schema(), so tests can build this in a schema of their own.

-- Roles belong to the cluster, not the database: the first database to migrate creates them.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'switchboard_app') THEN
    CREATE ROLE switchboard_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'switchboard_audit_admin') THEN
    CREATE ROLE switchboard_audit_admin NOLOGIN;
  END IF;
END $$;

-- Rows written before this migration keep verifying as unkeyed SHA-256; every later row names the HMAC key it used.
-- No default afterwards, so a writer that forgets to say how it hashed is refused rather than labelled unkeyed.
ALTER TABLE audit_log ADD COLUMN hash_alg text NOT NULL DEFAULT 'sha256'
  CHECK (hash_alg = 'sha256' OR hash_alg ~ '^hmac-sha256:[A-Za-z0-9_.-]{1,64}$');
ALTER TABLE audit_log ALTER COLUMN hash_alg DROP DEFAULT;
-- The first seq the latest prune removed (null for a pre-hardening anchor), so the anchor states the whole range.
ALTER TABLE audit_chain_anchor ADD COLUMN pruned_from bigint;

-- The hash is computed outside the database now; the old in-SQL append would write unkeyed rows.
DROP FUNCTION audit_append;

-- The switchboard.audit_prune setting used to switch this guard off for any session. Now only audit_prune, running
-- as switchboard_audit_admin, may delete, and only up to the seq it announced in its own transaction.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_log' AND current_user = 'switchboard_audit_admin' THEN
    IF OLD.seq <= coalesce(nullif(current_setting('switchboard.audit_prune_upto', true), '')::bigint, 0) THEN
      RETURN OLD;
    END IF;
  END IF;
  IF TG_TABLE_NAME = 'audit_chain_anchor' AND TG_OP IN ('INSERT', 'UPDATE')
     AND current_user = 'switchboard_audit_admin' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

-- A row must extend the chain: seq is the head's + 1 and prev_hash the head's hash (the anchor's when the table is
-- empty). The database cannot check an HMAC, but it can refuse rows that skip, fork or relabel themselves unkeyed.
-- The lock key matches auditLockKey in activities/audit/chain.ts; taking it here also orders careless writers.
CREATE FUNCTION audit_log_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7330155001);
  SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  IF head_seq IS NULL THEN
    SELECT c.seq, c.hash INTO head_seq, head_hash FROM audit_chain_anchor c;
  END IF;
  IF head_seq IS NULL THEN
    head_seq := 0;
    head_hash := repeat('0', 64);
  END IF;
  IF NEW.seq <> head_seq + 1 OR NEW.prev_hash <> head_hash THEN
    RAISE EXCEPTION 'audit_log: row % does not extend the chain (head is seq %)', NEW.seq, head_seq
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.hash_alg NOT LIKE 'hmac-sha256:%' OR NEW.hash !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'audit_log: row % must carry an HMAC-SHA256 hash', NEW.seq
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_extends_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_extends_chain();

-- Retention: deletes the rows recorded before p_cutoff (a prefix: it stops at the first row still kept) and moves
-- the anchor to the last one, under the append lock. The caller, holding the HMAC key, appends an audit.pruned row
-- naming the range in the same transaction (activities/audit/retention.ts): that keyed row is what tells a
-- legitimate prune from a prefix deleted and an anchor moved by hand.
CREATE FUNCTION audit_prune(p_cutoff timestamptz, p_now timestamptz DEFAULT now())
RETURNS TABLE (first_seq bigint, last_seq bigint, deleted bigint, last_hash text)
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  v_first bigint;
  v_last bigint;
  v_hash text;
  v_deleted bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(7330155001);
  SELECT a.seq, a.hash INTO v_last, v_hash FROM audit_log a
   WHERE a.seq < coalesce((SELECT min(k.seq) FROM audit_log k WHERE k.recorded_at >= p_cutoff), 9223372036854775807)
   ORDER BY a.seq DESC LIMIT 1;
  IF v_last IS NULL THEN
    RETURN;
  END IF;
  SELECT min(a.seq) INTO v_first FROM audit_log a;
  PERFORM set_config('switchboard.audit_prune_upto', v_last::text, true);
  DELETE FROM audit_log a WHERE a.seq <= v_last;
  GET DIAGNOSTICS v_deleted = ROW_COUNT;
  PERFORM set_config('switchboard.audit_prune_upto', '', true);
  INSERT INTO audit_chain_anchor AS c (id, seq, hash, pruned_at, pruned_from)
  VALUES (true, v_last, v_hash, p_now, v_first)
  ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, pruned_at = EXCLUDED.pruned_at,
    pruned_from = EXCLUDED.pruned_from;
  RETURN QUERY SELECT v_first, v_last, v_deleted, v_hash;
END $$;

-- Privileges, for this schema's existing tables and sequences and for those the migrating owner creates later.
DO $$
DECLARE
  s text := quote_ident(current_schema());
BEGIN
  -- A SECURITY DEFINER function must not resolve names through the caller's search_path.
  EXECUTE format('ALTER FUNCTION audit_prune(timestamptz, timestamptz) SET search_path = %s, pg_temp', s);
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO switchboard_app, switchboard_audit_admin', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO switchboard_app', s);
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %s TO switchboard_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO switchboard_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO switchboard_app', s);
  IF to_regclass('pgmigrations') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE ON pgmigrations FROM switchboard_app;
  END IF;
END $$;

REVOKE ALL ON audit_log, audit_chain_anchor FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM switchboard_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_chain_anchor FROM switchboard_app;
GRANT SELECT, INSERT ON audit_log TO switchboard_app;
GRANT SELECT ON audit_chain_anchor TO switchboard_app;
-- What audit_prune does as its owner, and the audit.pruned row its caller appends.
GRANT SELECT, INSERT, DELETE ON audit_log TO switchboard_audit_admin;
GRANT SELECT, INSERT, UPDATE ON audit_chain_anchor TO switchboard_audit_admin;

ALTER FUNCTION audit_prune(timestamptz, timestamptz) OWNER TO switchboard_audit_admin;
REVOKE ALL ON FUNCTION audit_prune(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_prune(timestamptz, timestamptz) TO switchboard_audit_admin;

-- Down Migration

-- Roles and their grants elsewhere in the cluster stay: other databases may use them.
DROP FUNCTION audit_prune;
DROP TRIGGER audit_log_extends_chain ON audit_log;
DROP FUNCTION audit_log_extends_chain;
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' AND TG_TABLE_NAME = 'audit_log' AND current_setting('switchboard.audit_prune', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_TABLE_NAME = 'audit_chain_anchor' AND current_setting('switchboard.audit_prune', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
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
ALTER TABLE audit_chain_anchor DROP COLUMN pruned_from;
ALTER TABLE audit_log ALTER COLUMN hash_alg SET DEFAULT 'sha256';
