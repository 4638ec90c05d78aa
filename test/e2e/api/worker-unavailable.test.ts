import { apiTestBed, type ApiTestBed } from './support';

/**
 * Workflows whose task queue no worker polls: a fleet that is down, or runs another test left behind on a shared
 * server. Every call that needs a worker (a query or a decision update) answers the documented 503 instead of hanging
 * until the caller gives up, which is what an outside fuzzer reported as a failure when its request timed out.
 */
let bed: ApiTestBed;
const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
const ticketId = `ORPHAN-${suffix}`;
const faultId = `fault-RTR-ORPHAN-${suffix}-bgp_flapping`;
const reportRunId = `acma-2026-01-orphan-${suffix}`;
const orphanQueue = `nobody-polls-${suffix}`;

beforeAll(async () => {
  bed = await apiTestBed();
  const start = (workflowType: string, workflowId: string) =>
    bed.connection.client.workflow.start(workflowType, { taskQueue: orphanQueue, workflowId, args: [{}] });
  await start('resolveTicket', `ticket-${ticketId}`);
  await start('diagnoseFault', faultId);
  await start('monthlyComplianceReport', reportRunId);
});
afterAll(async () => {
  if (!bed) return;
  for (const id of [`ticket-${ticketId}`, faultId, reportRunId]) {
    await bed.connection.client.workflow
      .getHandle(id)
      .terminate('test over')
      .catch(() => undefined);
  }
  await bed.close();
});

describe('calls that need a worker, when none polls the workflow’s queue', () => {
  it('answers 503 worker_unavailable to each, within the deadline rather than at the caller’s timeout', async () => {
    const calls = [
      ['GET', `/tickets/${ticketId}`, 'agent', undefined],
      ['POST', `/tickets/${ticketId}/messages`, 'service', { message: 'still there?' }],
      ['POST', `/tickets/${ticketId}/review`, 'agent', { decision: 'approve' }],
      ['GET', `/faults/${faultId}`, 'oncall', undefined],
      ['POST', `/faults/${faultId}/approval`, 'oncall', { decision: 'approve', reason: 'checked' }],
      ['POST', `/reports/acma/runs/${reportRunId}/review`, 'reviewer', { corrections: [] }],
    ] as const;
    // One chain per workflow, the chains at once: each call waits out its own deadline and none waits for another's.
    // (Concurrent queries on one workflow that nobody serves are refused by the server and retried by the client.)
    const answerOf = async ([method, url, as, body]: (typeof calls)[number]) => {
      const response = await bed.call(method, url, { as, ...(body ? { body } : {}) });
      return [method, url, response.statusCode, response.json().error?.code];
    };
    const chains = ['/tickets/', '/faults/', '/reports/'].map(async (prefix) => {
      const answers = [];
      for (const call of calls.filter(([, url]) => url.startsWith(prefix))) answers.push(await answerOf(call));
      return answers;
    });
    const answers = (await Promise.all(chains)).flat();
    expect(answers).toEqual(calls.map(([method, url]) => [method, url, 503, 'worker_unavailable']));
  });

  it('documents that 503 on every one of those operations', async () => {
    const document = (await bed.call('GET', '/openapi.json')).json();
    const operations = [
      ['/tickets/{id}', 'get'],
      ['/tickets/{id}/messages', 'post'],
      ['/tickets/{id}/review', 'post'],
      ['/faults/{id}', 'get'],
      ['/faults/{id}/approval', 'post'],
      ['/reports/acma/runs/{workflowId}/review', 'post'],
    ] as const;
    for (const [path, method] of operations) {
      expect([path, method, Object.keys(document.paths[path][method].responses)]).toEqual([
        path,
        method,
        expect.arrayContaining(['503']),
      ]);
    }
  });
});
