import { Client, Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import type { ModelProvider } from '../../../activities/model/contract';
import { providerFailure } from '../../../activities/model/errors';
import { connectClient, ticketWorkflowId } from '../../../client';
import { scenarioAlerts, scenarioDeviceIds } from '../../../db/seed/network';
import { createOfflineProvider, loadPromptSet } from '../../../workers/model-deps';
import { uniqueTicketId, type E2EHarness } from '../support';

type History = temporal.api.history.v1.IHistory;

// Random, so finding one in history can only mean it leaked from this run's own workflows.
export const marker = `Quorble-${randomUUID().slice(0, 8)}`;
export const failureMarker = `Zanzibar-${randomUUID().slice(0, 8)}`;
/** Quoted from the seeded CPU-hog syslog by the diagnosis; the numbers after it vary with the seed. */
export const telemetryLine = '%SYS-3-CPUHOG: Task is running for';

/** The offline engine, except that the "model" rejects any request quoting `text`, echoing it in its error. */
export function providerFailingOn(text: string): ModelProvider {
  const offline = createOfflineProvider(loadPromptSet().taxonomy);
  return {
    name: offline.name,
    complete: async (request) => {
      if (!JSON.stringify(request.variables).includes(text)) return offline.complete(request);
      throw providerFailure('offline', { name: 'BadRequestError', status: 400, message: `cannot process: ${text}` });
    },
  };
}

const message = (extra: string) =>
  `Why was I charged $45 for international roaming in Thailand? I have a plan that includes roaming. ${extra}`;
const faultPolicy = { reminderIntervalMs: 60_000, tierDeadlineMs: 120_000, finalDeadlineMs: 600_000, settleMs: 0 };

/**
 * A ticket carrying `marker`, one whose model call fails quoting `failureMarker`, and the CPU-hog fault, all to
 * completion on the harness's worker; then their histories as a client with no codec and no keys fetches them.
 */
export async function runScenario(harness: E2EHarness) {
  const { client, close } = await connectClient(harness.config);
  const plain = await Connection.connect({ address: harness.config.TEMPORAL_ADDRESS });
  const ticketId = uniqueTicketId('ENC');
  const failedId = uniqueTicketId('ENCF');
  const faultId = `enc-fault-${randomUUID()}`;
  try {
    const raw = new Client({ connection: plain, namespace: harness.config.TEMPORAL_NAMESPACE });
    await harness.tickets.start({ ticketId, accountId: 'ACC-1002', channel: 'chat', message: message(marker) });
    await harness.tickets.start({
      ticketId: failedId,
      accountId: 'ACC-1002',
      channel: 'chat',
      message: message(failureMarker),
    });
    const alert = scenarioAlerts(new Date()).find((a) => a.deviceId === scenarioDeviceIds.cpuHigh)!;
    // Its own workflow id: the fault client's is per device, shared with test files running beside this one.
    const fault = await client.workflow.start('diagnoseFault', {
      taskQueue: harness.config.TEMPORAL_TASK_QUEUE,
      workflowId: faultId,
      args: [{ alert, policy: faultPolicy }],
    });
    const reply = (await harness.tickets.result(ticketId)).reply ?? '';
    await harness.tickets.result(failedId);
    await fault.result();
    const histories: Record<'ticket' | 'failed' | 'fault', History> = {
      ticket: await raw.workflow.getHandle(ticketWorkflowId(ticketId)).fetchHistory(),
      failed: await raw.workflow.getHandle(ticketWorkflowId(failedId)).fetchHistory(),
      fault: await raw.workflow.getHandle(fault.workflowId).fetchHistory(),
    };
    return { histories, reply };
  } catch (error) {
    // A running fault left without its worker would stall every later listing of pending faults on this stack.
    for (const id of [ticketWorkflowId(ticketId), ticketWorkflowId(failedId), faultId]) {
      await client.workflow
        .getHandle(id)
        .terminate('encryption test failed')
        .catch(() => undefined);
    }
    throw error;
  } finally {
    await plain.close();
    await close();
  }
}
