import { benchRoute, costsByRoute } from '../../../bench/route-costs';
import { countsNamed } from '../../support/counts';

const counted = countsNamed('events', 'workflowTasks', 'activitiesScheduled', 'localActivities');

describe('costs by route', () => {
  it('calls a ticket that asked a clarifying question clarify, whatever route it ended on', () => {
    expect(benchRoute({ route: 'send', clarifications: 1 })).toBe('clarify');
    expect(benchRoute({ route: 'review', clarifications: 0 })).toBe('review');
  });

  it('averages events, workflow tasks and activities per route and over all tickets', () => {
    const costs = costsByRoute([
      { route: 'send', times: counted(47, 7, 6) },
      { route: 'send', times: counted(49, 7, 6) },
      { route: 'review', times: counted(61, 9, 8, 2) },
    ]);
    expect(costs.send).toEqual({ tickets: 2, events: 48, workflowTasks: 7, activities: 6, localActivities: 0 });
    expect(costs.review).toEqual({ tickets: 1, events: 61, workflowTasks: 9, activities: 8, localActivities: 2 });
    expect(costs.all).toMatchObject({ tickets: 3, events: 52.333333333333336 });
  });

  it('lists the issue’s routes in its order and leaves out routes with no tickets', () => {
    const costs = costsByRoute([
      { route: 'clarify', times: counted(62, 9, 8) },
      { route: 'send', times: counted(47, 7, 6) },
    ]);
    expect(Object.keys(costs)).toEqual(['send', 'clarify', 'all']);
  });
});
