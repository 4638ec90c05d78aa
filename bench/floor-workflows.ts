/**
 * The platform's floor: workflows that do no work, in the shapes a ticket takes. The bench runs them on the same
 * stack as the tickets, so its table can say what Temporal itself costs on this machine before any of our code runs.
 * Bench-only: production never bundles them.
 */
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';

interface FloorActivities {
  step(n: number): Promise<number>;
}

const activity = proxyActivities<FloorActivities>({ startToCloseTimeout: '10s' });
const local = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10s' });

/** One workflow task and nothing else. */
export async function floorEmpty(n: number): Promise<number> {
  return n;
}

/** A sent ticket's activity tasks (classify, draft, deliver), each doing nothing. */
export async function floorThreeActivities(n: number): Promise<number> {
  for (let i = 0; i < 3; i++) n = await activity.step(n);
  return n;
}

/** A sent ticket's six steps as local activities in one workflow task, each doing nothing. */
export async function floorSixLocalActivities(n: number): Promise<number> {
  for (let i = 0; i < 6; i++) n = await local.step(n);
  return n;
}

export const floorShapes = ['floorEmpty', 'floorThreeActivities', 'floorSixLocalActivities'] as const;
