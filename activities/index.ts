import type { PromptTemplate } from './model/prompt-library';
import { createAuditActivities } from './audit';
import type { AuditSampling } from './audit/sampling';
import { createBatchActivities } from './batch';
import { createComplianceActivities } from './compliance';
import { createDecisionActivities } from './decisions';
import { createFaultActivities } from './fault';
import { createFraudActivities } from './fraud';
import { createTicketActivities, type TicketActivityDeps } from './ticket';

export type ActivityDeps = TicketActivityDeps & {
  prompts: TicketActivityDeps['prompts'] & {
    diagnose: PromptTemplate;
    extractIncident: PromptTemplate;
    summariseFraud: PromptTemplate;
  };
  /** Where compliance reports are written as files, beside their rows in PostgreSQL. */
  reportsDir: string;
  /** Which model calls keep their full exchange, sealed, in the audit trail. Absent: none do. */
  audit?: AuditSampling;
};

/** The only place activities are assembled. Workers pass real clients; tests pass fakes. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTicketActivities(deps),
    ...createBatchActivities(deps),
    ...createFaultActivities(deps),
    ...createComplianceActivities(deps),
    ...createFraudActivities(deps),
    ...createAuditActivities(deps),
    ...createDecisionActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
