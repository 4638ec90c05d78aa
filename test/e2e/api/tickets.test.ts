import { demoTickets } from '../../../scripts/demo/tickets';
import { uniqueTicketId } from '../support';
import { apiTestBed, errorShape, until, type ApiTestBed } from './support';

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed();
});
afterAll(() => bed.close());

const demo = (label: string) => demoTickets.find((ticket) => ticket.label === label)!.ticket;

async function open(label: string) {
  const ticketId = uniqueTicketId('API');
  const response = await bed.call('POST', '/tickets', { as: 'service', body: { ticketId, ...demo(label) } });
  expect(response.statusCode).toBe(202);
  return { ticketId, response: response.json() };
}

const stageOf = async (ticketId: string, stage: string) => {
  const response = await bed.call('GET', `/tickets/${ticketId}`, { as: 'agent' });
  return response.json().status?.stage === stage ? response.json() : undefined;
};

const completed = async (ticketId: string) => {
  const response = await bed.call('GET', `/tickets/${ticketId}`, { as: 'auditor' });
  return response.json().execution === 'COMPLETED' ? response.json() : undefined;
};

describe('tickets through the API', () => {
  it('opens a ticket, answers a repeat with the same workflow, and shows the result once sent', async () => {
    const { ticketId, response } = await open('double charge');
    expect(response).toEqual({ workflowId: `ticket-${ticketId}`, ticketId, started: true });
    const again = await bed.call('POST', '/tickets', { as: 'service', body: { ticketId, ...demo('double charge') } });
    expect([again.statusCode, again.json().started]).toEqual([202, false]);
    const done = await until(() => completed(ticketId), 'the ticket to complete');
    expect(done.result).toMatchObject({ ticketId, route: 'send', outcome: 'replied' });
    expect(done.status.stage).toBe('completed');
  });

  it('passes the customer’s answer to a clarifying question, and refuses one nobody asked for', async () => {
    const { ticketId } = await open('vague problem');
    await until(() => stageOf(ticketId, 'awaiting_customer'), 'a clarifying question');
    const answer = await bed.call('POST', `/tickets/${ticketId}/messages`, {
      as: 'service',
      body: { message: "I can't log in to the app, it says my password is wrong." },
    });
    expect([answer.statusCode, answer.json()]).toEqual([202, { workflowId: `ticket-${ticketId}` }]);
    const done = await until(() => completed(ticketId), 'the ticket to complete');
    expect(done.result.clarifications).toBe(1);
    const late = await bed.call('POST', `/tickets/${ticketId}/messages`, { as: 'service', body: { message: 'hi' } });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'not_awaiting_customer']);
  });

  it("carries the agent key's identity into the review decision", async () => {
    const { ticketId } = await open('bill + slow internet');
    const early = await bed.call('POST', `/tickets/${ticketId}/review`, { as: 'agent', body: { decision: 'edit' } });
    expect([early.statusCode, early.json()]).toEqual([400, errorShape]);
    await until(() => stageOf(ticketId, 'awaiting_agent'), 'the ticket to wait for an agent');
    const review = await bed.call('POST', `/tickets/${ticketId}/review`, {
      as: 'agent',
      body: { decision: 'approve', note: 'answers both questions' },
    });
    expect(review.statusCode).toBe(202);
    expect(review.json()).toEqual({
      workflowId: `ticket-${ticketId}`,
      decision: 'approve',
      agentId: bed.identities.agent,
      outcome: expect.objectContaining({ counted: true, identity: bed.identities.agent }),
    });
    const done = await until(() => completed(ticketId), 'the ticket to complete');
    expect(done.result.agent).toEqual({ agentId: bed.identities.agent, decision: 'approve' });
    expect(done.result.outcome).toBe('agent_replied');
    const again = await bed.call('POST', `/tickets/${ticketId}/review`, { as: 'agent', body: { decision: 'reject' } });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'not_awaiting_review']);
  });

  it('records one feedback answer per ticket, comment included, and refuses a second', async () => {
    const { ticketId } = await open('CSV export');
    await until(() => completed(ticketId), 'the ticket to complete');
    const body = { helpful: false, comment: 'It did not say where the export button is.' };
    const first = await bed.call('POST', `/tickets/${ticketId}/feedback`, { as: 'service', body });
    expect([first.statusCode, first.json()]).toEqual([201, { ticketId, helpful: false }]);
    const second = await bed.call('POST', `/tickets/${ticketId}/feedback`, { as: 'service', body: { helpful: true } });
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'feedback_exists']);
    const stored = await bed.pool.query(
      'SELECT workflow_id, helpful, comment FROM ticket_feedback WHERE ticket_id = $1',
      [ticketId],
    );
    expect(stored.rows).toEqual([{ workflow_id: `ticket-${ticketId}`, helpful: false, comment: body.comment }]);
    const bad = await bed.call('POST', `/tickets/${ticketId}/feedback`, { as: 'service', body: { helpful: 'yes' } });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'invalid_body']);
  });

  it('answers 404 for a ticket that does not exist, on every ticket endpoint', async () => {
    const id = uniqueTicketId('NOPE');
    const calls = [
      bed.call('GET', `/tickets/${id}`, { as: 'service' }),
      bed.call('POST', `/tickets/${id}/messages`, { as: 'service', body: { message: 'hello' } }),
      bed.call('POST', `/tickets/${id}/review`, { as: 'agent', body: { decision: 'approve' } }),
      bed.call('POST', `/tickets/${id}/feedback`, { as: 'service', body: { helpful: true } }),
    ];
    for (const response of await Promise.all(calls)) {
      expect([response.statusCode, response.json()]).toEqual([404, errorShape]);
    }
  });
});
