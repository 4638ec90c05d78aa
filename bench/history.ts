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
}

const idOf = (value: unknown) => String(value ?? '');
// Number() rather than the SDK's tsToMs: seconds arrive as a Long from the server and as a number from tests.
const toMs = (ts: HistoryEvent['eventTime']) => Number(ts?.seconds ?? 0) * 1000 + Math.floor((ts?.nanos ?? 0) / 1e6);

/** Pairs each closed activity with its scheduled and started events; retries show as one span (the last attempt). */
export function runTimes(events: readonly HistoryEvent[]): RunTimes {
  const at = (event: HistoryEvent) => toMs(event.eventTime);
  const byId = new Map(events.map((event) => [idOf(event.eventId), event]));
  const times: RunTimes = { startMs: at(events[0]!), closeMs: null, activities: [], signals: [], workflowTasks: 0 };
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

export async function fetchRunTimes(client: Client, workflowId: string): Promise<RunTimes> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return runTimes(history.events ?? []);
}
