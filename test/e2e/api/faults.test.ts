import { generateSigningKey } from '../../../activities/decisions/signing';
import { signDecision } from '../../../client/decisions';
import { pendingApprovalQuery } from '../../../workflows/fault/messages';
import { faultWorkflowId } from '../../../domain/fault/alert';
import { scenarioAlerts, scenarioDeviceIds } from '../../../db/seed/network';
import { clearLeftoverFault } from '../../support/temporal';
import { apiTestBed, errorShape, oncallIdentity, until, type ApiTestBed } from './support';

let bed: ApiTestBed;
const alert = () => scenarioAlerts(new Date()).find((a) => a.deviceId === scenarioDeviceIds.bgpFlapping)!;
const workflowId = faultWorkflowId({ deviceId: scenarioDeviceIds.bgpFlapping, alertType: 'bgp_flapping' });

beforeAll(async () => {
  bed = await apiTestBed();
  await clearLeftoverFault(bed.connection.client, workflowId, 'cleared before the API test');
});
afterAll(() => bed.close());

describe('faults through the API', () => {
  it('diagnoses an alert, lists it as pending, and takes the approval from the on-call key', async () => {
    const started = await bed.call('POST', '/diagnose', { as: 'service', body: alert() });
    expect([started.statusCode, started.json()]).toEqual([202, { workflowId }]);

    const item = await until(async () => {
      const pending = await bed.call('GET', '/faults/pending', { as: 'oncall' });
      return pending.json().items.find((i: { workflowId: string }) => i.workflowId === workflowId);
    }, 'the fault to wait for approval');
    expect(item).toMatchObject({
      workflowId,
      deviceId: scenarioDeviceIds.bgpFlapping,
      alertType: 'bgp_flapping',
      action: 'reset_bgp_session',
      destructive: true,
      diagnosis: { summary: expect.stringMatching(/version mismatch/i), confidence: expect.any(Number) },
      rule: expect.any(String),
      requestedAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(item.rule.length).toBeGreaterThan(0);
    const auditorView = await bed.call('GET', '/faults/pending', { as: 'auditor' });
    expect(auditorView.statusCode).toBe(200);

    const agent = await bed.call('POST', `/faults/${workflowId}/approval`, {
      as: 'agent',
      body: { decision: 'approve' },
    });
    expect(agent.statusCode).toBe(403);
    const offRoster = await bed.mintKey('eng.emma', 'oncall');
    const emma = await bed.call('POST', `/faults/${workflowId}/approval`, {
      key: offRoster.key,
      body: { decision: 'approve' },
    });
    expect([emma.statusCode, emma.json().error.code]).toEqual([403, 'not_on_roster']);

    // A decision signed by a key nobody registered, relayed in the on-call key's name: the fault refuses it at once.
    const pending = await bed.connection.client.workflow.getHandle(workflowId).query(pendingApprovalQuery);
    const forged = signDecision(
      {
        kind: 'fault',
        workflowId,
        runId: pending.runId,
        subject: pending.subject!,
        decision: 'approve',
        emergency: true,
        reason: 'forged',
        identity: oncallIdentity,
      },
      generateSigningKey(),
    );
    const refused = await bed.call('POST', `/faults/${workflowId}/approval`, {
      as: 'oncall',
      body: { signed: forged },
    });
    expect([refused.statusCode, refused.json().error]).toEqual([
      403,
      expect.objectContaining({ code: 'decision_refused', message: expect.stringMatching(/^unknown key/) }),
    ]);

    const approved = await bed.call('POST', `/faults/${workflowId}/approval`, {
      as: 'oncall',
      body: { decision: 'approve', reason: 'peer NOC confirmed the firmware issue' },
    });
    expect([approved.statusCode, approved.json()]).toEqual([
      202,
      { workflowId, decision: 'approve', approver: oncallIdentity, counted: true, reason: 'approved' },
    ]);

    const result = await bed.connection.client.workflow.getHandle(workflowId).result();
    expect(result.decision.approver).toBe(oncallIdentity);
    expect(result.outcome).toMatch(/^approved_executed|not_recovered_escalated$/);
    const { runId } = await bed.connection.client.workflow.getHandle(workflowId).describe();
    const executed = await bed.pool.query(
      'SELECT approved_by FROM action_executions WHERE workflow_id = $1 AND run_id = $2',
      [workflowId, runId],
    );
    expect(executed.rows).toHaveLength(1);
    expect(executed.rows[0].approved_by).toBe(oncallIdentity);
    // The record says the approval came through the API, signed by its issuer key for the authenticated identity.
    const verdicts = await bed.pool.query(
      `SELECT action, actor, details->>'via' AS via FROM audit_log
        WHERE workflow_id = $1 AND details->>'runId' = $2 AND action LIKE 'decision.%' ORDER BY seq`,
      [workflowId, runId],
    );
    expect(verdicts.rows).toEqual([
      { action: 'decision.refused', actor: 'system:switchboard', via: null },
      { action: 'decision.verified', actor: `oncall:${oncallIdentity}`, via: 'api' },
    ]);

    const view = await bed.call('GET', `/faults/${workflowId}`, { as: 'service' });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      workflowId,
      execution: 'COMPLETED',
      result: { decision: { approver: oncallIdentity } },
    });

    const late = await bed.call('POST', `/faults/${workflowId}/approval`, {
      as: 'oncall',
      body: { decision: 'reject' },
    });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'not_awaiting_approval']);
  });

  it('refuses a malformed alert and an unknown fault', async () => {
    const bad = await bed.call('POST', '/diagnose', { as: 'service', body: { deviceId: 'rtr; drop', alertType: 'x' } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_body']);
    const unknown = 'fault-RTR-NONE-99-cpu_high';
    for (const response of [
      await bed.call('GET', `/faults/${unknown}`, { as: 'oncall' }),
      await bed.call('POST', `/faults/${unknown}/approval`, { as: 'oncall', body: { decision: 'approve' } }),
    ]) {
      expect([response.statusCode, response.json()]).toEqual([404, errorShape]);
    }
    const approvalWithExtras = await bed.call('POST', `/faults/${unknown}/approval`, {
      as: 'oncall',
      body: { decision: 'maybe' },
    });
    expect(approvalWithExtras.statusCode).toBe(400);
  });
});
