-- Up Migration

-- The application verifies decisions; it never decides who may make them. As the application's role it can read the
-- registered keys but not add, change or remove one (registration is an administrator's act, as the owner), and it
-- can record a used nonce but never delete one, which would let a signed decision be replayed.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'switchboard_app') THEN
    REVOKE ALL ON decision_keys, decision_nonces FROM switchboard_app;
    GRANT SELECT ON decision_keys TO switchboard_app;
    GRANT SELECT, INSERT, UPDATE ON decision_nonces TO switchboard_app;
  END IF;
END $$;

-- Down Migration

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'switchboard_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON decision_keys, decision_nonces TO switchboard_app;
  END IF;
END $$;
