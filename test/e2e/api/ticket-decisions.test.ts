import { registerDecisionKey } from '../../../activities/decisions/registry';
import { generateSigningKey } from '../../../activities/decisions/signing';
import { signDecision } from '../../../client/decisions';
import { demoTickets } from '../../../scripts/demo/tickets';
import { outboxFor, uniqueTicketId } from '../support';
import { apiTestBed, until, type ApiTestBed } from './support';

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
});
afterAll(() => bed.close());

const reviewed = demoTickets.find((ticket) => ticket.label === 'bill + slow internet')!.ticket;

async function openForReview() {
  const ticketId = uniqueTicketId('SIG');
  const opened = await bed.call('POST', '/tickets', { as: 'service', body: { ticketId, ...reviewed } });
  expect(opened.statusCode).toBe(202);
  const status = await until(async () => {
    const response = await bed.call('GET', `/tickets/${ticketId}`, { as: 'agent' });
    return response.json().status?.stage === 'awaiting_agent' ? response.json().status : undefined;
  }, 'the ticket to wait for an agent');
  return { ticketId, status };
}

/** An edit signed with `key` for the agent's identity, for the draft this ticket reviews now. */
async function signedEdit(ticketId: string, editedReply: string, key = generateSigningKey()) {
  const fields = await bed.harness.tickets.reviewToSign(ticketId, { decision: 'edit', editedReply, reason: 'tone' });
  return signDecision({ ...fields, identity: bed.identities.agent }, key);
}

describe('signed ticket reviews through the API, with the real worker and PostgreSQL', () => {
  it('refuses a forged edit with the reason, then sends a valid one exactly once', async () => {
    const { ticketId, status } = await openForReview();
    expect(status.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(status.reviewDraft).toBe(status.draftReply);

    const forged = await bed.call('POST', `/tickets/${ticketId}/review`, {
      as: 'agent',
      body: { signed: await signedEdit(ticketId, 'Forged: send your card number to claim the discount.') },
    });
    expect([forged.statusCode, forged.json().error.code]).toEqual([403, 'decision_refused']);
    expect(forged.json().error.message).toMatch(/^unknown key/);

    const notMine = await signDecision(
      { ...(await bed.harness.tickets.reviewToSign(ticketId, { decision: 'approve', reason: 'ok' })), identity: 'x.y' },
      generateSigningKey(),
    );
    const relayed = await bed.call('POST', `/tickets/${ticketId}/review`, { as: 'agent', body: { signed: notMine } });
    expect([relayed.statusCode, relayed.json().error.code]).toEqual([403, 'not_your_decision']);

    const key = generateSigningKey();
    await registerDecisionKey(bed.pool, {
      identity: bed.identities.agent,
      role: 'agent',
      publicKeyBase64: key.publicKeyBase64,
      registeredBy: 'test',
    });
    const text = 'We can offer 10% off for six months; a person will confirm it by email.';
    const valid = await bed.call('POST', `/tickets/${ticketId}/review`, {
      as: 'agent',
      body: { signed: await signedEdit(ticketId, text, key) },
    });
    expect([valid.statusCode, valid.json()]).toEqual([
      202,
      {
        workflowId: `ticket-${ticketId}`,
        decision: 'edit',
        agentId: bed.identities.agent,
        outcome: { counted: true, reason: 'edit accepted and sent', identity: bed.identities.agent },
      },
    ]);
    const done = await until(async () => {
      const response = await bed.call('GET', `/tickets/${ticketId}`, { as: 'auditor' });
      return response.json().execution === 'COMPLETED' ? response.json() : undefined;
    }, 'the ticket to complete');
    expect(done.result).toMatchObject({ outcome: 'agent_replied', reply: text });
    expect(done.result.agent).toMatchObject({ agentId: bed.identities.agent, decision: 'edit' });
    expect(done.result.ignoredDecisions).toEqual([
      { agentId: `agent:${bed.identities.agent}`, reason: expect.stringMatching(/^unknown key/) },
    ]);
    const replies = (await outboxFor(bed.pool, ticketId)).filter((row) => row.kind === 'reply');
    expect(replies).toEqual([{ kind: 'reply', body: text, author: `agent:${bed.identities.agent}` }]);
    // The verifier's verdicts and the edit's guardrail check are in the audit trail, ids and codes only.
    const { rows } = await bed.pool.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE workflow_id = $1 AND kind = 'decision' ORDER BY seq",
      [`ticket-${ticketId}`],
    );
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['decision.refused', 'decision.verified', 'ticket.agent_edit_checked']),
    );
  });

  it('signs an agent edit made through the API for the key’s identity, and blocks one carrying a card number', async () => {
    const { ticketId } = await openForReview();
    const review = await bed.call('POST', `/tickets/${ticketId}/review`, {
      as: 'agent',
      body: { decision: 'edit', editedReply: 'Your card 4111 1111 1111 1111 gets the discount.' },
    });
    expect(review.statusCode).toBe(202);
    expect(review.json().outcome.reason).toMatch(/not sent: the guardrails found secret_leak/);
    const done = await until(async () => {
      const response = await bed.call('GET', `/tickets/${ticketId}`, { as: 'auditor' });
      return response.json().execution === 'COMPLETED' ? response.json() : undefined;
    }, 'the ticket to complete');
    expect(done.result.outcome).toBe('escalated');
    expect((await outboxFor(bed.pool, ticketId)).filter((row) => row.kind === 'reply')).toEqual([]);
  });
});
