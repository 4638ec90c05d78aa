import { randomUUID } from 'node:crypto';
import { chainKeysFromConfig } from '../../activities/audit/chain-keys';
import { readTemporalAnchors } from '../../activities/audit/temporal-anchors';
import { verifyAuditChain } from '../../activities/audit/verify';
import { connectClient, type SwitchboardConnection } from '../../client';
import { AUDIT_ANCHOR_SCHEDULE_ID } from '../../workers/schedules';
import { waitFor } from '../support/temporal';
import { e2eHarness, type E2EHarness } from './support';

// A chain id of its own: the schedule and its anchors must not meet another run's.
const chainId = `sched-${randomUUID().slice(0, 8)}`;
let harness: E2EHarness;
let connection: SwitchboardConnection;

beforeAll(async () => {
  harness = await e2eHarness({ env: { AUDIT_ANCHOR_SCHEDULE: 'on', AUDIT_CHAIN_ID: chainId } });
  connection = await connectClient(harness.config);
}, 60_000);

afterAll(async () => {
  await connection?.client.schedule
    .getHandle(`${AUDIT_ANCHOR_SCHEDULE_ID}-${chainId}`)
    .delete()
    .catch(() => undefined);
  await connection?.close();
  await harness?.close();
});

describe('the audit anchor schedule', () => {
  test('the worker creates it; a run anchors the public chain head in history, encrypted, and verify reads it', async () => {
    const schedule = connection.client.schedule.getHandle(`${AUDIT_ANCHOR_SCHEDULE_ID}-${chainId}`);
    const described = await schedule.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'anchorAuditChain' });
    await schedule.trigger();
    const anchors = await waitFor(async () => {
      const found = await readTemporalAnchors(connection.client, { chainId });
      return found.length ? found : undefined;
    }, 'a completed anchor run');
    expect(anchors[0]).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The worker runs as the application's role and reads the head all the same; the owner verifies against it.
    const result = await verifyAuditChain(harness.pool, { keys: chainKeysFromConfig(harness.config), anchors });
    expect(result).toMatchObject({ anchors: { checked: 1 } });
    expect(result.problems.filter((p) => p.kind === 'tail_missing' || p.kind === 'anchor_mismatch')).toEqual([]);
  });
});
