-- Up Migration

-- A month with facts a reviewer has not settled is stored as PENDING_REVIEW, never as PASS: the open items are in its
-- CSV and summary, so what the operator reads while the review is open says the report is not final.
ALTER TABLE compliance_reports DROP CONSTRAINT compliance_reports_verdict_check;
ALTER TABLE compliance_reports ADD CONSTRAINT compliance_reports_verdict_check
  CHECK (verdict IN ('PASS', 'FAIL', 'PENDING', 'PENDING_REVIEW'));

-- Down Migration

DELETE FROM compliance_reports WHERE verdict = 'PENDING_REVIEW';
ALTER TABLE compliance_reports DROP CONSTRAINT compliance_reports_verdict_check;
ALTER TABLE compliance_reports ADD CONSTRAINT compliance_reports_verdict_check
  CHECK (verdict IN ('PASS', 'FAIL', 'PENDING'));
