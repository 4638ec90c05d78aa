import { approveFault, listApprovals, rejectFault } from '../../../client/cli/commands/approvals';
import { reportError } from '../../../client/cli/errors';
import { ExitCode } from '../../../client/cli/exit-codes';
import {
  approvalAccepted,
  bgpItem,
  cpuItem,
  fakeApi,
  faultWaiting,
  testContext,
  testIo,
  type Routes,
} from './fake-api';

const routes: Routes = {
  'GET /faults/pending': () => ({ json: { items: [bgpItem, cpuItem] } }),
  [`GET /faults/${bgpItem.workflowId}`]: faultWaiting(bgpItem),
  [`GET /faults/${cpuItem.workflowId}`]: faultWaiting(cpuItem),
  'GET /faults/fault-RTR-PER-01-memory_high': () => ({
    json: { workflowId: 'fault-RTR-PER-01-memory_high', destructive: null, pending: null },
  }),
  [`POST /faults/${bgpItem.workflowId}/approval`]: approvalAccepted('eng.alice'),
  [`POST /faults/${cpuItem.workflowId}/approval`]: approvalAccepted('eng.alice'),
};

let api: Awaited<ReturnType<typeof fakeApi>>;
beforeEach(async () => {
  api = await fakeApi(routes);
});
afterEach(() => api.close());

const approvals = () => api.requests.filter((r) => r.method === 'POST');

describe('approvals list', () => {
  it('shows each fault with its rule, confidence, destructiveness and diagnosis', async () => {
    const t = testIo();
    expect(await listApprovals(testContext(api.url, t.io), {})).toBe(ExitCode.ok);
    const out = t.stdout();
    expect(out).toMatch(/^WORKFLOW\s+DEVICE\s+ACTION\s+CONFIDENCE\s+RULE\s+REQUESTED/);
    expect(out).toContain('reset_bgp_session [destructive]');
    expect(out).toContain(bgpItem.rule);
    expect(out).toContain(' 82% ');
    expect(out).toContain('2025-03-01T09:48Z (12m ago)');
    expect(out).toContain('    diagnosis (bgp_flapping): BGP version mismatch after the firmware upgrade');
    expect(out).toContain('    may approve: eng.alice, eng.bruno');
    expect(out).not.toContain('drain_traffic [destructive]');
    expect(api.requests[0]!.authorization).toMatch(/^Bearer sb_abcd1234_/);
  });

  it('prints the items as JSON for scripts', async () => {
    const t = testIo();
    await listApprovals(testContext(api.url, t.io), { json: true });
    expect(JSON.parse(t.stdout()).map((i: { workflowId: string }) => i.workflowId)).toEqual([
      bgpItem.workflowId,
      cpuItem.workflowId,
    ]);
  });
});

describe('approvals approve', () => {
  it('refuses a destructive approval without a terminal or --yes, and sends nothing', async () => {
    const t = testIo({ interactive: false });
    const failure = approveFault(testContext(api.url, t.io), bgpItem.workflowId, {});
    await expect(failure).rejects.toMatchObject({ exitCode: ExitCode.confirmation });
    expect(approvals()).toHaveLength(0);
  });

  it('reads only the one fault it decides: no pending list, one GET and one POST', async () => {
    const t = testIo();
    await approveFault(testContext(api.url, t.io), bgpItem.workflowId, { yes: true });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /faults/${bgpItem.workflowId}`,
      `POST /faults/${bgpItem.workflowId}/approval`,
    ]);
  });

  it('approves with --yes and prints the approver the API names', async () => {
    const t = testIo();
    const code = await approveFault(testContext(api.url, t.io), bgpItem.workflowId, {
      yes: true,
      reason: 'peer NOC confirmed',
      emergency: true,
    });
    expect(code).toBe(ExitCode.ok);
    expect(approvals()[0]!.body).toEqual({ decision: 'approve', reason: 'peer NOC confirmed', emergency: true });
    expect(t.stdout()).toBe(
      `Approved reset_bgp_session on RTR-SYD-02 (${bgpItem.workflowId}) as eng.alice: approved.\n`,
    );
  });

  it('asks at a terminal and approves on "y"', async () => {
    const t = testIo({ interactive: true, input: 'y\n' });
    expect(await approveFault(testContext(api.url, t.io), bgpItem.workflowId, {})).toBe(ExitCode.ok);
    expect(t.stderr()).toContain('Approve reset_bgp_session on RTR-SYD-02? [y/N]');
    expect(approvals()).toHaveLength(1);
  });

  it.each(['n\n', '\n', ''])('takes %j at the prompt as a no', async (input) => {
    const t = testIo({ interactive: true, input });
    expect(await approveFault(testContext(api.url, t.io), bgpItem.workflowId, {})).toBe(ExitCode.confirmation);
    expect(approvals()).toHaveLength(0);
  });

  it('does not ask about an action that is not destructive', async () => {
    const t = testIo({ interactive: false });
    expect(await approveFault(testContext(api.url, t.io), cpuItem.workflowId, {})).toBe(ExitCode.ok);
    expect(approvals()[0]!.body).toEqual({ decision: 'approve' });
  });

  it('says a fault that is not pending is not found', async () => {
    const t = testIo();
    const failure = approveFault(testContext(api.url, t.io), 'fault-RTR-PER-01-memory_high', { yes: true });
    await expect(failure).rejects.toMatchObject({ exitCode: ExitCode.notFound });
  });

  it('confirms an emergency approval of a deferred action, which is no longer pending', async () => {
    const id = 'fault-RTR-BNE-01-config_error';
    const deferred = await fakeApi({
      'GET /faults/pending': () => ({ json: { items: [] } }),
      [`GET /faults/${id}`]: () => ({
        json: {
          workflowId: id,
          pending: { action: 'rollback_config', deviceId: 'RTR-BNE-01', deferredUntil: '2025-03-01T14:00:00Z' },
        },
      }),
      [`POST /faults/${id}/approval`]: approvalAccepted('eng.bruno'),
    });
    try {
      const t = testIo({ interactive: true, input: 'yes\n' });
      expect(await approveFault(testContext(deferred.url, t.io), id, { emergency: true })).toBe(ExitCode.ok);
      expect(t.stderr()).toContain('Approve rollback_config on RTR-BNE-01 now, not at 2025-03-01T14:00:00Z?');
      expect(t.stdout()).toContain('as eng.bruno: approved.');
    } finally {
      await deferred.close();
    }
  });
});

describe('approvals reject', () => {
  it('sends the reason and names the approver', async () => {
    const t = testIo();
    const code = await rejectFault(testContext(api.url, t.io), bgpItem.workflowId, { reason: 'planned work' });
    expect(code).toBe(ExitCode.ok);
    expect(approvals()[0]!.body).toEqual({ decision: 'reject', reason: 'planned work' });
    expect(t.stdout()).toBe(`Rejected ${bgpItem.workflowId} as eng.alice: approved.\n`);
  });
});

describe('API refusals', () => {
  it.each([
    [403, 'not_on_roster', ExitCode.forbidden],
    [401, 'unauthorized', ExitCode.forbidden],
    [404, 'not_found', ExitCode.notFound],
    [409, 'not_awaiting_approval', ExitCode.apiError],
    [400, 'invalid_body', ExitCode.usage],
    [429, 'rate_limited', ExitCode.apiError],
    [500, 'internal_error', ExitCode.apiError],
  ])('maps HTTP %i (%s) to exit code %i, with the message', async (status, code, exit) => {
    const refusing = await fakeApi({
      [`POST /faults/${bgpItem.workflowId}/approval`]: () => ({
        status,
        json: { error: { code, message: `refused: ${code}`, issues: ['reason: too long'] } },
      }),
    });
    try {
      const t = testIo();
      const error = await rejectFault(testContext(refusing.url, t.io), bgpItem.workflowId, { reason: 'x' }).catch(
        (e: unknown) => e,
      );
      expect(reportError(t.io, error)).toBe(exit);
      expect(t.stderr()).toContain(`switchboard: refused: ${code} (HTTP ${status} ${code})\n  reason: too long\n`);
    } finally {
      await refusing.close();
    }
  });
});
