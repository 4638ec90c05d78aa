import { temporal } from '@temporalio/proto';
import { runTimes } from '../../../bench/history';

const { EventType } = temporal.api.enums.v1;
const at = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 });

describe('run times from a history', () => {
  // fromObject turns the numbers into the Longs the server sends, so this goes through the real conversion.
  const events = [
    { eventId: 1, eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, eventTime: at(1_000) },
    { eventId: 2, eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, eventTime: at(1_010) },
    {
      eventId: 3,
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
      eventTime: at(1_010),
      activityTaskScheduledEventAttributes: { activityType: { name: 'executeAction' } },
    },
    {
      eventId: 4,
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
      eventTime: at(1_015),
      workflowExecutionSignaledEventAttributes: { signalName: 'approve' },
    },
    { eventId: 5, eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, eventTime: at(1_030) },
    {
      eventId: 6,
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
      eventTime: at(1_080),
      activityTaskCompletedEventAttributes: { scheduledEventId: 3, startedEventId: 5 },
    },
    { eventId: 7, eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, eventTime: at(1_095) },
    { eventId: 8, eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, eventTime: at(1_100) },
  ].map((event) => temporal.api.history.v1.HistoryEvent.fromObject(event));

  it('pairs each closed activity with its scheduled and started events', () => {
    const times = runTimes(events);
    expect(times.startMs).toBe(1_000);
    expect(times.closeMs).toBe(1_100);
    expect(times.activities).toEqual([
      { activityType: 'executeAction', scheduledMs: 1_010, startedMs: 1_030, closedMs: 1_080 },
    ]);
  });

  it('records signals by name and counts workflow tasks', () => {
    const times = runTimes(events);
    expect(times.signals).toEqual([{ name: 'approve', atMs: 1_015 }]);
    expect(times.workflowTasks).toBe(2);
  });

  it('leaves the close time empty while the workflow runs', () => {
    expect(runTimes(events.slice(0, 3)).closeMs).toBeNull();
  });
});
