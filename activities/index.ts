import type { PromptTemplate } from './model/prompt-library';
import { createBatchActivities } from './batches';
import { createComplianceActivities } from './compliance';
import { createFaultActivities } from './faults';
import { createFraudActivities } from './fraud';
import { createTicketActivities, type TicketActivityDeps } from './tickets';

export type ActivityDeps = TicketActivityDeps & {
  prompts: TicketActivityDeps['prompts'] & {
    diagnose: PromptTemplate;
    extractIncident: PromptTemplate;
    summariseFraud: PromptTemplate;
  };
  /** Where compliance reports are written as files, beside their rows in PostgreSQL. */
  reportsDir: string;
};

/** The only place activities are assembled. Workers pass real clients; tests pass fakes. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTicketActivities(deps),
    ...createBatchActivities(deps),
    ...createFaultActivities(deps),
    ...createComplianceActivities(deps),
    ...createFraudActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
