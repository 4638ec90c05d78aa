import type { RunTimes } from './history';

/** How a ticket ended, as the issue counts costs: a ticket that asked a clarifying question is `clarify`. */
export const benchRoute = (result: { route: string; clarifications: number }): string =>
  result.clarifications > 0 ? 'clarify' : result.route;

/** Mean history costs of one route's tickets. */
export interface RouteCost {
  tickets: number;
  events: number;
  workflowTasks: number;
  activities: number;
  localActivities: number;
}

type Counted = Pick<RunTimes, 'events' | 'workflowTasks' | 'activitiesScheduled' | 'localActivities'>;

/** Means per route, in the order, and over all tickets; routes with no tickets are left out. */
export function costsByRoute(tickets: ReadonlyArray<{ route: string; times: Counted }>): Record<string, RouteCost> {
  const groups = new Map<string, Counted[]>([
    ['send', []],
    ['review', []],
    ['escalate', []],
    ['clarify', []],
  ]);
  for (const { route, times } of tickets) groups.set(route, [...(groups.get(route) ?? []), times]);
  groups.set(
    'all',
    tickets.map((t) => t.times),
  );
  const costs: Record<string, RouteCost> = {};
  for (const [route, list] of groups) {
    if (!list.length) continue;
    const mean = (pick: (t: Counted) => number) => list.reduce((sum, t) => sum + pick(t), 0) / list.length;
    costs[route] = {
      tickets: list.length,
      events: mean((t) => t.events),
      workflowTasks: mean((t) => t.workflowTasks),
      activities: mean((t) => t.activitiesScheduled),
      localActivities: mean((t) => t.localActivities),
    };
  }
  return costs;
}
