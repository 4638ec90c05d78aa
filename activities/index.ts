import { createBatchActivities } from './batches';
import { createTicketActivities, type TicketActivityDeps } from './tickets';

export type ActivityDeps = TicketActivityDeps;

/** The only place activities are assembled. Workers pass real clients; tests pass fakes. */
export function createActivities(deps: ActivityDeps) {
  return { ...createTicketActivities(deps), ...createBatchActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
