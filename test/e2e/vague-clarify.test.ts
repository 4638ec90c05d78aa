/** Vague first messages get the workflow's one clarifying question from the offline engine, not an escalation. */
import { e2eHarness, outboxFor, uniqueTicketId, type E2EHarness } from './support';

let harness: E2EHarness;
beforeAll(async () => {
  harness = await e2eHarness();
});
afterAll(async () => harness.close());

describe('vague messages (offline engine)', () => {
  it.each(['hi, problem with my service', 'not working', 'something is wrong with my phone'])(
    '"%s" gets the clarifying question, and the answer is then handled',
    async (message) => {
      const ticketId = uniqueTicketId('VAGUE');
      await harness.tickets.start({ ticketId, accountId: 'ACC-1004', channel: 'chat', message });
      const deadline = Date.now() + 20_000;
      let status = await harness.tickets.status(ticketId).catch(() => null);
      while (status?.stage !== 'awaiting_customer' && Date.now() < deadline) {
        expect(status?.stage).not.toBe('completed');
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await harness.tickets.status(ticketId).catch(() => null);
      }
      expect(status?.route).toBe('clarify');
      expect(status?.pendingQuestion).toMatch(/tell me a bit more/);
      expect((await outboxFor(harness.pool, ticketId)).map((m) => m.kind)).toEqual(['clarification']);

      await harness.tickets.sendCustomerReply(ticketId, {
        message: "I can't log in to the app, it says my password is wrong.",
      });
      const result = await harness.tickets.result(ticketId);
      expect(result.clarifications).toBe(1);
      expect(result.intent).toBe('account_access');
    },
  );
});
