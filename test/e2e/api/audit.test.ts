import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../../activities/audit/chain';
import { sealSample } from '../../../activities/audit/sampling';
import { keyRingFromConfig } from '../../../security/keyring';
import { modelExchange } from '../../support/model-exchange';
import { apiTestBed, type ApiTestBed } from './support';

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
});
afterAll(() => bed.close());

describe('the audit routes', () => {
  it('returns sampled exchanges decrypted, to auditors only, and records the read', async () => {
    const ring = keyRingFromConfig(bed.harness.config);
    if (!ring) throw new Error('the test stack runs with payload encryption on');
    const workflowId = `ticket-AUD-${randomUUID().slice(0, 8)}`;
    const sampleId = randomUUID();
    const exchange = modelExchange(
      { id: 'ticket/classify-intent', version: 'v1', system: 'sys' },
      '{"intent":"greeting"}',
    );
    const { keyId, sealed } = sealSample(ring, sampleId, exchange);
    await appendAudit(bed.pool, {
      kind: 'model_call',
      workflowId,
      actor: 'system:switchboard',
      action: 'model.call_recorded',
      details: { sampleId },
      sample: { keyId, sealed: new Uint8Array(sealed) },
      dedupeKey: `test:${sampleId}`,
    });

    expect((await bed.call('GET', `/audit/samples?workflowId=${workflowId}`, { as: 'service' })).statusCode).toBe(403);
    const response = await bed.call('GET', `/audit/samples?workflowId=${workflowId}`, { as: 'auditor' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      expect.objectContaining({ workflowId, action: 'model.call_recorded', sample: exchange }),
    ]);
    const reads = await bed.pool.query(
      "SELECT actor FROM audit_log WHERE action = 'audit.samples_read' AND workflow_id = $1",
      [workflowId],
    );
    expect(reads.rows).toEqual([{ actor: `auditor:${bed.identities.auditor}` }]);
  });

  it('verifies the chain', async () => {
    const response = await bed.call('GET', '/audit/verify', { as: 'auditor' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, rows: expect.any(Number) });
    expect(response.json().rows).toBeGreaterThan(0);
    expect((await bed.call('GET', '/audit/verify', { as: 'analyst' })).statusCode).toBe(403);
  });

  it('refuses malformed limits', async () => {
    expect((await bed.call('GET', '/audit/samples?limit=1000', { as: 'auditor' })).statusCode).toBe(400);
  });
});
