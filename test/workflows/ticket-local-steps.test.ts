import { WorkflowFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localActivitySpan, runTimes } from '../../bench/history';
import type { TicketResult } from '../../domain/ticket';
import { localStepsPatch } from '../../workflows/ticket/proxies';
import { stackEnv, temporalHarnessForFile } from '../support/temporal';
import { startResolveTicket, stubActivities, ticketInput } from './stub-activities';

const { EventType } = temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const harness = temporalHarnessForFile();
const histories = join(__dirname, '..', 'replay', 'histories');
const recorded = (file: string) => historyFromJSON(JSON.parse(readFileSync(join(histories, file), 'utf8')));

const shortSteps = ['loadAccountContext', 'retrieveKnowledge', 'validateReply'];
const scheduled = (events: HistoryEvent[]) =>
  events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
const markers = (events: HistoryEvent[], name: string) =>
  events.filter(
    (e) => e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED && e.markerRecordedEventAttributes?.markerName === name,
  );
const patchIds = (events: HistoryEvent[]) =>
  markers(events, 'core_patch').map((e) => {
    const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    return (JSON.parse(Buffer.from(data!).toString('utf8')) as { id: string }).id;
  });

/**
 * The account read, knowledge retrieval and guardrail check run as local activities behind the `ticket-local-steps`
 * patch, asked once as the workflow's first statement. A sent ticket then costs fewer events and workflow tasks, and a
 * ticket recorded by the code before the patch replays exactly as it ran.
 */
describe('resolveTicket with local short steps', () => {
  it('sends a ticket with the short steps as local activities, in fewer events and workflow tasks', async () => {
    const { activities, recorder } = stubActivities();
    const worker = await harness.worker(activities);
    const { result, history } = await worker.runUntil(async () => {
      const handle = await startResolveTicket(harness, ticketInput('LOCAL', 'Why was I charged $45 for roaming?'));
      const result = (await handle.result()) as TicketResult;
      return { result, history: await handle.fetchHistory() };
    });
    const events = history.events ?? [];
    expect(result.route).toBe('send');
    expect(result.outcome).toBe('replied');
    expect(recorder.sent.map((m) => [m.kind, m.author])).toEqual([['reply', 'switchboard']]);

    // The same ticket before the change: 47 events, 7 workflow tasks, 6 activity tasks, no local activities.
    const before = runTimes(recorded('resolveTicket-send-audit.json').events ?? []);
    expect([before.events, before.workflowTasks, before.activitiesScheduled, before.localActivities]).toEqual([
      47, 7, 6, 0,
    ]);
    const after = runTimes(events);
    // 32 events, 4 workflow tasks: only the model calls and the delivery remain activity tasks.
    expect([after.events, after.workflowTasks, after.activitiesScheduled, after.localActivities]).toEqual([
      32, 4, 3, 3,
    ]);
    expect(after.events).toBeLessThan(before.events);
    expect(after.workflowTasks).toBeLessThan(before.workflowTasks);

    expect(scheduled(events)).toEqual(['classifyIntent', 'draftReply', 'sendMessage']);
    expect(scheduled(events).filter((type) => shortSteps.includes(type))).toEqual([]);
    const local = markers(events, 'core_local_activity').map((e) => localActivitySpan(e)?.activityType);
    expect(local).toEqual(shortSteps);
    // One patch marker, the new one, recorded in the first workflow task: the earlier patches need no check here.
    expect(patchIds(events)).toEqual([localStepsPatch]);
    const firstTaskCompleted = events.findIndex((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    const secondTaskScheduled = events.findIndex(
      (e, i) => i > firstTaskCompleted && e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
    );
    const patchAt = events.indexOf(markers(events, 'core_patch')[0]!);
    expect(patchAt).toBeGreaterThan(firstTaskCompleted);
    expect(patchAt).toBeLessThan(secondTaskScheduled);

    // The run's own history replays on the same code.
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: stackEnv().bundlePath } }, history, 'local-steps-send'),
    ).resolves.toBeUndefined();
  });

  it('fails on a local step as it did on the activity task: an ActivityFailure around the cause', async () => {
    const { activities } = stubActivities();
    const worker = await harness.worker({
      ...activities,
      async loadAccountContext({ accountId }: { accountId: string }) {
        throw ApplicationFailure.create({
          type: 'NotFound',
          message: `unknown account ${accountId}`,
          nonRetryable: true,
        });
      },
    });
    const failure = await worker.runUntil(async () => {
      const handle = await startResolveTicket(harness, { ...ticketInput('LOCAL-404', 'Hello'), accountId: 'ACC-404' });
      return handle.result().catch((error: unknown) => error);
    });
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ActivityFailure);
    expect(cause).toMatchObject({ activityType: 'loadAccountContext', retryState: RetryState.NON_RETRYABLE_FAILURE });
    expect(cause?.cause).toBeInstanceOf(ApplicationFailure);
    expect(cause?.cause).toMatchObject({ type: 'NotFound', message: 'unknown account ACC-404' });
  });

  it.each(['resolveTicket-send.json', 'resolveTicket-send-audit.json'])(
    'still replays %s, recorded before the change, with activity tasks for the short steps',
    async (file) => {
      const history = recorded(file);
      const events = history.events ?? [];
      expect(patchIds(events)).not.toContain(localStepsPatch);
      expect(markers(events, 'core_local_activity')).toEqual([]);
      expect(scheduled(events)).toEqual(expect.arrayContaining(shortSteps));
      await expect(
        Worker.runReplayHistory({ workflowBundle: { codePath: stackEnv().bundlePath } }, history, file),
      ).resolves.toBeUndefined();
    },
    30_000,
  );
});
