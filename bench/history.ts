import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { ActivitySpan } from './stats';

const { EventType } = temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The parts of one workflow run's history the benchmark measures, times in epoch ms. */
export interface RunTimes {
  startMs: number;
  closeMs: number | null;
  activities: ActivitySpan[];
  signals: Array<{ name: string; atMs: number }>;
  /** Completed workflow tasks: each is a round trip between the server and the worker. */
  workflowTasks: number;
  /** Every event in the history: what the server writes, stores and sends to a worker that replays it. */
  events: number;
  /** Activity tasks scheduled through the server (retries are attempts of one, not more). */
  activitiesScheduled: number;
  /** Local activities: run by the worker inside a workflow task, recorded as one marker each. */
  localActivities: number;
}

/** The marker core records for each local activity. */
const localActivityMarker = 'core_local_activity';

const idOf = (value: unknown) => String(value ?? '');
// Number() rather than the SDK's tsToMs: seconds arrive as a Long from the server and as a number from tests.
const toMs = (ts: HistoryEvent['eventTime']) => Number(ts?.seconds ?? 0) * 1000 + Math.floor((ts?.nanos ?? 0) / 1e6);

/** Pairs each closed activity with its scheduled and started events; retries show as one span (the last attempt). */
export function runTimes(events: readonly HistoryEvent[]): RunTimes {
  const at = (event: HistoryEvent) => toMs(event.eventTime);
  const byId = new Map(events.map((event) => [idOf(event.eventId), event]));
  const times: RunTimes = {
    startMs: at(events[0]!),
    closeMs: null,
    activities: [],
    signals: [],
    workflowTasks: 0,
    events: events.length,
    activitiesScheduled: 0,
    localActivities: 0,
  };
  for (const event of events) {
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
        times.closeMs = at(event);
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        times.workflowTasks += 1;
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        times.activitiesScheduled += 1;
        break;
      case EventType.EVENT_TYPE_MARKER_RECORDED: {
        if (event.markerRecordedEventAttributes?.markerName !== localActivityMarker) break;
        times.localActivities += 1;
        const span = localActivitySpan(event);
        if (span) times.activities.push(span);
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
        times.signals.push({ name: event.workflowExecutionSignaledEventAttributes?.signalName ?? '', atMs: at(event) });
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
      case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED:
      case EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT: {
        const closed =
          event.activityTaskCompletedEventAttributes ??
          event.activityTaskFailedEventAttributes ??
          event.activityTaskTimedOutEventAttributes;
        const scheduled = byId.get(idOf(closed?.scheduledEventId));
        const started = byId.get(idOf(closed?.startedEventId));
        if (!scheduled) break;
        times.activities.push({
          activityType: scheduled.activityTaskScheduledEventAttributes?.activityType?.name ?? '',
          scheduledMs: at(scheduled),
          startedMs: started ? at(started) : at(scheduled),
          closedMs: at(event),
        });
        break;
      }
    }
  }
  return times;
}

/**
 * A local activity's span from its marker: core writes the activity's type, first schedule time and completion time
 * as JSON in the marker's `data` detail. The worker ran it between those times, so that is activity time, not
 * overhead. A marker whose data cannot be read still counts, without a span.
 */
export function localActivitySpan(event: HistoryEvent): ActivitySpan | null {
  try {
    const payload = event.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
    if (!payload) return null;
    const data = JSON.parse(Buffer.from(payload).toString('utf8')) as Record<string, unknown>;
    const scheduled = timestampMs(data.original_schedule_time ?? data.originalScheduleTime);
    const completed = timestampMs(data.complete_time ?? data.completeTime);
    if (scheduled === null || completed === null) return null;
    const activityType = String(data.activity_type ?? data.activityType ?? '');
    return { activityType, scheduledMs: scheduled, startedMs: scheduled, closedMs: completed };
  } catch {
    return null;
  }
}

/** A protobuf Timestamp as JSON: an RFC 3339 string, or seconds and nanos. */
function timestampMs(value: unknown): number | null {
  if (typeof value === 'string') return Number.isFinite(Date.parse(value)) ? Date.parse(value) : null;
  if (value && typeof value === 'object' && 'seconds' in value) {
    const { seconds, nanos } = value as { seconds: number | string; nanos?: number };
    return Number(seconds) * 1000 + Math.floor((nanos ?? 0) / 1e6);
  }
  return null;
}

/**
 * Time the workflow spent waiting for a person, not orchestrating: from the close of the review handoff to the
 * agent's decision. Reviews are answered by the load generator as soon as they open, but it notices by polling, and
 * that delay is neither activity time nor overhead.
 */
export function humanWaits(times: Pick<RunTimes, 'activities' | 'signals'>): ActivitySpan[] {
  const handoffs = times.activities.filter((a) => a.activityType === 'openHandoff');
  return times.signals.flatMap((signal) => {
    if (signal.name !== 'agentDecision') return [];
    const opened = handoffs.filter((h) => h.closedMs <= signal.atMs).at(-1);
    return opened
      ? [
          {
            activityType: 'awaiting agent',
            scheduledMs: opened.closedMs,
            startedMs: opened.closedMs,
            closedMs: signal.atMs,
          },
        ]
      : [];
  });
}

export async function fetchRunTimes(client: Client, workflowId: string): Promise<RunTimes> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return runTimes(history.events ?? []);
}
