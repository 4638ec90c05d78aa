import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approveFault } from '../../../client/cli/commands/approvals';
import { signApproval } from '../../../client/cli/commands/approvals-sign';
import { createKey } from '../../../client/cli/commands/keys';
import { ExitCode } from '../../../client/cli/exit-codes';
import { loadKeyFile } from '../../../client/cli/signing-key';
import { signedDecisionSchema } from '../../../domain/decisions';
import { checkDecision } from '../../../activities/decisions/verify';
import { approvalAccepted, bgpItem, fakeApi, faultWaiting, testContext, testIo } from './fake-api';

/** The engineer's own key: made here, never sent; decisions signed with it verify against exactly one fault run. */
const now = new Date('2025-03-01T10:00:00Z');
let api: Awaited<ReturnType<typeof fakeApi>>;
let keyPath: string;
beforeEach(async () => {
  api = await fakeApi({
    'GET /faults/pending': () => ({ json: { items: [bgpItem] } }),
    [`GET /faults/${bgpItem.workflowId}`]: faultWaiting(bgpItem),
    [`POST /faults/${bgpItem.workflowId}/approval`]: approvalAccepted('eng.alice'),
  });
  keyPath = join(mkdtempSync(join(tmpdir(), 'sb-key-')), 'decision-key.json');
  const t = testIo();
  expect(await createKey(testContext(api.url, t.io, now, keyPath), { identity: 'eng.alice', role: 'oncall' })).toBe(
    ExitCode.ok,
  );
  expect(t.stdout()).toMatch(
    /^npm run decision-keys -- register --identity eng.alice --role oncall --public-key \S+\n$/,
  );
});
afterEach(() => api.close());

const verifyAgainst = async (signed: unknown, subject: string, runId = bgpItem.runId) => {
  const file = loadKeyFile(keyPath);
  return checkDecision(signed, { kind: 'fault', workflowId: bgpItem.workflowId, runId, subject }, now, {
    findKey: async (keyId) =>
      keyId === file.key.keyId
        ? { keyId, identity: 'eng.alice', role: 'oncall', publicKeyBase64: file.key.publicKeyBase64, revokedAt: null }
        : null,
    consumeNonce: async () => true,
  });
};

describe('decision keys and signed approvals', () => {
  it('keeps the private key readable by its owner only, and never overwrites it', async () => {
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    await expect(
      createKey(testContext(api.url, testIo().io, now, keyPath), { identity: 'eng.alice', role: 'oncall' }),
    ).rejects.toMatchObject({ exitCode: ExitCode.usage });
  });

  it('prints a decision bound to the run and action the API says the fault waits on', async () => {
    const t = testIo();
    const ctx = testContext(api.url, t.io, now, keyPath);
    expect(await signApproval(ctx, bgpItem.workflowId, { approve: true, reason: 'peer NOC confirmed' })).toBe(
      ExitCode.ok,
    );
    const signed = signedDecisionSchema.parse(JSON.parse(t.stdout()));
    expect(signed.statement).toMatchObject({ runId: bgpItem.runId, subject: bgpItem.subject, identity: 'eng.alice' });
    expect(t.stderr()).toContain(`temporal workflow signal --workflow-id ${bgpItem.workflowId} --name approve`);
    expect(await verifyAgainst(signed, bgpItem.subject)).toMatchObject({ valid: true, decision: 'approve' });
    expect(await verifyAgainst(signed, 'reboot_device@RTR-SYD-02')).toMatchObject({ valid: false });
    expect(await verifyAgainst(signed, bgpItem.subject, 'another-run')).toMatchObject({ valid: false });
  });

  it('signs without the API when the run, action and device are given', async () => {
    const t = testIo();
    const ctx = testContext('http://127.0.0.1:9', t.io, now, keyPath);
    await signApproval(ctx, bgpItem.workflowId, {
      reject: true,
      reason: 'leave it',
      runId: bgpItem.runId,
      action: 'reset_bgp_session',
      device: 'RTR-SYD-02',
    });
    expect(await verifyAgainst(JSON.parse(t.stdout()), bgpItem.subject)).toMatchObject({
      valid: true,
      decision: 'reject',
    });
  });

  it('refuses to sign both or neither verdict', async () => {
    const ctx = testContext(api.url, testIo().io, now, keyPath);
    await expect(signApproval(ctx, bgpItem.workflowId, { reason: 'x' })).rejects.toMatchObject({
      exitCode: ExitCode.usage,
    });
  });

  it('approve sends a decision signed with the key on this machine, not one for the API to sign', async () => {
    const t = testIo();
    const ctx = testContext(api.url, t.io, now, keyPath);
    expect(await approveFault(ctx, bgpItem.workflowId, { yes: true, reason: 'checked' })).toBe(ExitCode.ok);
    const sent = api.requests.find((r) => r.method === 'POST')!.body as { signed: unknown };
    expect(await verifyAgainst(sent.signed, bgpItem.subject)).toMatchObject({
      valid: true,
      via: 'key',
      reason: 'checked',
    });
  });
});
