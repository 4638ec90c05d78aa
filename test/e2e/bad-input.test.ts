import { WorkflowNotFoundError } from '@temporalio/client';
import { InvalidRequestError, ticketWorkflowId } from '../../client';
import { e2eHarness, outboxFor, uniqueTicketId, type E2EHarness } from './support';

let harness: E2EHarness;
beforeAll(async () => {
  harness = await e2eHarness();
});
afterAll(async () => harness.close());

const valid = () => ({ ticketId: uniqueTicketId('BAD'), accountId: 'ACC-1002', channel: 'chat', message: 'Hello' });

describe('malformed requests', () => {
  it.each([
    ['an empty message', { message: '   ' }, /message must not be empty/],
    ['a message over 8,000 characters', { message: 'x'.repeat(8001) }, /at most 8,000 characters/],
    ['an unknown channel', { channel: 'fax' }, /channel/],
    ['a hostile ticket id', { ticketId: "1'; DROP TABLE outbox;--" }, /ticketId must be/],
    ['an unexpected field', { priority: 'urgent' }, /priority/],
    ['a bad locale', { locale: 'english' }, /locale/],
  ])('rejects %s with a clear error and starts nothing', async (_what, patch, message) => {
    const input = { ...valid(), ...patch };
    const attempt = harness.tickets.start(input);
    await expect(attempt).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(harness.tickets.start(input)).rejects.toThrow(message);
    const id = String((input as { ticketId: unknown }).ticketId);
    await expect(harness.tickets.status(id)).rejects.toBeInstanceOf(WorkflowNotFoundError);
    expect(ticketWorkflowId(id)).toBe(`ticket-${id}`);
  });

  it('rejects an unsigned or malformed agent decision before it reaches the workflow', async () => {
    await expect(
      harness.tickets.sendAgentDecision('anything', { decision: 'edit', agentId: 'a-1' } as never),
    ).rejects.toThrow(/invalid signed decision: statement: .*expected object/);
    await expect(
      harness.tickets.sendAgentDecision('anything', { statement: {}, keyId: 'zz', signature: '!' } as never),
    ).rejects.toThrow(/invalid signed decision: statement\.v/);
  });

  it('fails an unknown account clearly, without retrying, and sends nothing', async () => {
    const input = { ...valid(), accountId: 'ACC-404404' };
    await harness.tickets.start(input);
    const failure = (await harness.tickets.result(input.ticketId).catch((error: unknown) => error)) as {
      cause?: { cause?: { message?: string; type?: string } };
    };
    expect(failure.cause?.cause?.message).toMatch(/unknown account ACC-404404/);
    expect(failure.cause?.cause?.type).toBe('NotFound');
    expect(await outboxFor(harness.pool, input.ticketId)).toEqual([]);
  });

  it('starting the same ticket twice does not start a second workflow', async () => {
    const input = { ...valid(), message: 'Can I export my usage history to CSV?' };
    expect(await harness.tickets.start(input)).toMatchObject({ started: true });
    expect(await harness.tickets.start(input)).toMatchObject({ started: false });
    await harness.tickets.result(input.ticketId);
    expect((await outboxFor(harness.pool, input.ticketId)).filter((m) => m.kind === 'reply')).toHaveLength(1);
  });
});
