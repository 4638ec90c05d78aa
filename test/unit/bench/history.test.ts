import { temporal } from '@temporalio/proto';
import { humanWaits, localActivitySpan, runTimes } from '../../../bench/history';

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

  it('counts every event and each activity scheduled through the server', () => {
    const times = runTimes(events);
    expect(times.events).toBe(8);
    expect(times.activitiesScheduled).toBe(1);
    expect(times.localActivities).toBe(0);
  });

  it('leaves the close time empty while the workflow runs', () => {
    expect(runTimes(events.slice(0, 3)).closeMs).toBeNull();
  });
});

describe('local activities', () => {
  const marker = (data: unknown, markerName = 'core_local_activity') =>
    temporal.api.history.v1.HistoryEvent.fromObject({
      eventId: 5,
      eventType: EventType.EVENT_TYPE_MARKER_RECORDED,
      eventTime: at(2_000),
      markerRecordedEventAttributes: {
        markerName,
        details: { data: { payloads: [{ data: Buffer.from(JSON.stringify(data)) }] } },
      },
    });
  const data = {
    seq: 1,
    attempt: 1,
    activity_id: '1',
    activity_type: 'loadAccountContext',
    complete_time: '1970-01-01T00:00:01.990Z',
    original_schedule_time: { seconds: 1, nanos: 950_000_000 },
  };

  it('reads a span from the marker core records: first scheduled to completed', () => {
    expect(localActivitySpan(marker(data))).toEqual({
      activityType: 'loadAccountContext',
      scheduledMs: 1_950,
      startedMs: 1_950,
      closedMs: 1_990,
    });
  });

  it('counts each local activity marker, and its span as activity time', () => {
    const started = temporal.api.history.v1.HistoryEvent.fromObject({
      eventId: 1,
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
      eventTime: at(1_900),
    });
    const times = runTimes([started, marker(data), marker(data, 'core_patch')]);
    expect(times.localActivities).toBe(1);
    expect(times.activities.map((a) => a.activityType)).toEqual(['loadAccountContext']);
  });

  it('has no span for a marker whose data cannot be read', () => {
    expect(localActivitySpan(marker({ seq: 1 }))).toBeNull();
  });
});

describe('waiting for a person', () => {
  const activity = (activityType: string, closedMs: number) => ({
    activityType,
    scheduledMs: closedMs - 10,
    startedMs: closedMs - 5,
    closedMs,
  });

  it('runs from the review handoff to the agent’s decision', () => {
    const waits = humanWaits({
      activities: [activity('draftReply', 100), activity('openHandoff', 150), activity('verifyDecision', 260)],
      signals: [
        { name: 'customerReply', atMs: 20 },
        { name: 'agentDecision', atMs: 230 },
      ],
    });
    expect(waits).toEqual([{ activityType: 'awaiting agent', scheduledMs: 150, startedMs: 150, closedMs: 230 }]);
  });

  it('is none without a decision, or for a decision that came before any handoff', () => {
    expect(humanWaits({ activities: [activity('openHandoff', 150)], signals: [] })).toEqual([]);
    expect(
      humanWaits({ activities: [activity('openHandoff', 150)], signals: [{ name: 'agentDecision', atMs: 90 }] }),
    ).toEqual([]);
  });
});
