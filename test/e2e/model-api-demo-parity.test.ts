import { runDemoTicket, type DemoOutcome } from '../../scripts/demo/run-tickets';
import { demoTickets } from '../../scripts/demo/tickets';
import { seedExpectations } from './seed-expectations';
import { registeredPerson } from './signing';
import { uniqueTicketId } from './support';
import { apiHarness, type ApiHarness, type ApiProvider } from './model-api-support';

/** `MODEL_PROVIDER=anthropic|bedrock make demo` against the emulators must route every example as the offline run does. */
describe.each<ApiProvider>(['anthropic', 'bedrock'])('the seed examples through the real %s SDK', (provider) => {
  let harness: ApiHarness;
  const outcomes = new Map<string, DemoOutcome>();
  beforeAll(async () => {
    harness = await apiHarness(provider);
    const agent = await registeredPerson(harness.pool, 'demo-agent', 'agent');
    const results = await Promise.all(
      demoTickets.map((demo) => runDemoTicket(harness.tickets, demo, uniqueTicketId(`PAR-${provider}`), agent)),
    );
    for (const outcome of results) outcomes.set(outcome.demo.label, outcome);
  }, 120_000);
  afterAll(async () => harness.close());

  it.each(seedExpectations)('%s: intent %s, route %s, outcome %s', (label, intent, route, outcome) => {
    const { result } = outcomes.get(label)!;
    if (intent) expect(result.intent).toBe(intent);
    expect(result.route).toBe(route);
    expect(result.outcome).toBe(outcome);
    expect(result.modelCalls.every((call) => call.provider === provider && call.costUsd > 0)).toBe(true);
  });
});
