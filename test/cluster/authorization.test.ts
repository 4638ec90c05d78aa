import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectClient, createTicketClient, ticketPolicyFromConfig, ticketWorkflowId } from '../../client';
import { newSigningKey, signJwt } from '../../tooling/stack/temporal-auth';
import { roamingTicket } from '../resilience/tickets';
import { clusterConfig, clusterStack, newTaskQueue, recordFigures, refusal, tokenFor } from './support';

// No worker polls this queue: the ticket stays open on the server, so only the calls under test can change it.
const taskQueue = newTaskQueue();
const ticketId = `AUTHZ-${taskQueue.slice(-8)}`;
const workflowId = ticketWorkflowId(ticketId);
const decision = { decision: 'approve', by: 'test' };

/** Signed with the stack's own key: the server trusts the signature, so only the permissions decide. */
function stackSignedToken(permissions: string[]): string {
  const dir = clusterStack().temporalCluster.tokensDir;
  const key = createPrivateKey(readFileSync(join(dir, 'jwt-signing.pem')));
  return signJwt(key, readFileSync(join(dir, 'jwt-kid'), 'utf8'), { sub: 'someone-else', permissions });
}

describe('Temporal authorization on the cluster (JWT claim mapper and the default authorizer)', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => Promise.all(closers.splice(0).map((close) => close())));

  async function connect(token: string | null) {
    const connection = await connectClient(clusterConfig(token, taskQueue));
    closers.push(connection.close);
    return connection.client;
  }

  it('refuses signals and starts without a valid token, and lets each role do only its part', async () => {
    const apiConfig = clusterConfig(tokenFor('api'), taskQueue);
    const api = await connect(tokenFor('api'));
    const tickets = createTicketClient({ client: api, taskQueue, policy: ticketPolicyFromConfig(apiConfig) });
    expect((await tickets.start(roamingTicket(ticketId))).started).toBe(true);

    const auditor = await connect(tokenFor('auditor'));
    const historyLength = async () => (await auditor.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;
    const before = await historyLength();
    expect(before).toBeGreaterThan(0); // the auditor reads

    const signal = (client: typeof api) => client.workflow.getHandle(workflowId).signal('agentDecision', decision);
    const start = (client: typeof api) =>
      client.workflow.start('resolveTicket', { taskQueue, workflowId: `${workflowId}-again`, args: [] });
    const forged = newSigningKey();
    const callers: Record<string, string | null> = {
      'no token': null,
      auditor: tokenFor('auditor'),
      'another namespace': stackSignedToken(['elsewhere:write']),
      // A bad signature fails before any call: the SDK's connect (GetSystemInfo) is refused already.
      'a key the server does not trust': signJwt(forged.privateKey, forged.kid, {
        sub: 'intruder',
        permissions: ['default:write'],
      }),
    };
    const outcomes: Record<string, { signal: string; start: string }> = {};
    for (const [who, token] of Object.entries(callers)) {
      const attempt = async (call: (client: typeof api) => Promise<unknown>) => call(await connect(token));
      outcomes[who] = { signal: await refusal(attempt(signal)), start: await refusal(attempt(start)) };
    }
    const denied = { signal: 'PERMISSION_DENIED', start: 'PERMISSION_DENIED' };
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(callers).map((who) => [who, denied])));
    expect(await historyLength()).toBe(before);

    // On-call engineers signal in the namespace: the server records it.
    const oncall = await connect(tokenFor('oncall'));
    expect(await refusal(signal(oncall))).toBe('accepted');
    const events = (await auditor.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    expect(events.filter((event) => event.workflowExecutionSignaledEventAttributes?.signalName)).toHaveLength(1);
    await api.workflow.getHandle(workflowId).terminate('authorization check done');

    recordFigures('authorization', {
      refusedCallers: Object.keys(callers).length,
      refusedSignals: Object.values(outcomes).filter((o) => o.signal === 'PERMISSION_DENIED').length,
      refusedStarts: Object.values(outcomes).filter((o) => o.start === 'PERMISSION_DENIED').length,
      historyUnchangedByRefusals: true,
      oncallSignalAccepted: true,
    });
  });

  it('refuses reads without a token', async () => {
    const anonymous = await connect(null);
    expect(await refusal(anonymous.workflow.getHandle(workflowId).describe())).toBe('PERMISSION_DENIED');
  });
});
