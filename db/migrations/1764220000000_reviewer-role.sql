-- Up Migration

-- Compliance reviewers confirm the figures of ACMA reports through the API, so they need API keys of their own:
-- a reviewer key can confirm a report's corrections and nothing else (see client/api/roles.ts).
ALTER TABLE api_keys DROP CONSTRAINT api_keys_role_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_role_check
  CHECK (role IN ('service', 'agent', 'oncall', 'analyst', 'reviewer', 'auditor'));

-- Down Migration

DELETE FROM api_keys WHERE role = 'reviewer';
ALTER TABLE api_keys DROP CONSTRAINT api_keys_role_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_role_check
  CHECK (role IN ('service', 'agent', 'oncall', 'analyst', 'auditor'));
