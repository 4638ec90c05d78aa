import fc from 'fast-check';
import type { z } from 'zod';
import { ticketInputSchema } from '../../domain/ticket';
import { alertSchema } from '../../domain/fault/alert';
import { apiTestBed, type ApiTestBed } from '../e2e/api/support';
import type { Role } from '../../security/api-keys';
import { anyString, anyValue, nearValid, rawPayloads } from './fuzz-bodies';
import { recordResult } from './results';
import { sizes } from './size';

interface Target {
  url: (id: string) => string;
  role: Role;
  valid: fc.Arbitrary<Record<string, unknown>>;
  /** Set where an accepted body starts a workflow: only bodies this schema accepts may do so. */
  starts?: z.ZodType;
}

const ticketBody = fc.record({
  ticketId: fc.stringMatching(/^FZ-[A-Z0-9]{6}$/),
  accountId: fc.constantFrom('ACC-1002', 'ACC-1003', 'ACC-9999'),
  channel: fc.constantFrom('chat', 'email', 'ivr'),
  message: fc.string({ minLength: 1, maxLength: 200 }),
});
const alertBody = fc.record({
  alertId: fc.stringMatching(/^FZ-[a-z0-9]{6}$/),
  deviceId: fc.stringMatching(/^FZ-[A-Z0-9]{6}$/),
  alertType: fc.constantFrom('bgp_flapping', 'cpu_high', 'interface_down', 'config_error', 'memory_high'),
  summary: fc.string({ minLength: 1, maxLength: 100 }),
  severity: fc.constantFrom('critical', 'major', 'minor'),
  detectedAt: fc.constant(new Date().toISOString()),
});
const targets: Target[] = [
  { url: () => '/tickets', role: 'service', valid: ticketBody, starts: ticketInputSchema },
  { url: () => '/diagnose', role: 'service', valid: alertBody, starts: alertSchema },
  {
    url: (id) => `/tickets/${id}/review`,
    role: 'agent',
    valid: fc.record({ decision: fc.constantFrom('approve', 'edit', 'reject'), editedReply: fc.string() }),
  },
  { url: (id) => `/tickets/${id}/messages`, role: 'service', valid: fc.record({ message: fc.string() }) },
  {
    url: (id) => `/tickets/${id}/feedback`,
    role: 'service',
    valid: fc.record({ rating: fc.integer(), note: fc.string() }),
  },
  {
    url: (id) => `/faults/${id}/approval`,
    role: 'oncall',
    valid: fc.record({ decision: fc.string(), reason: fc.string() }),
  },
  { url: (id) => `/fraud/flags/${id}/decision`, role: 'analyst', valid: fc.record({ decision: fc.string() }) },
];

const pathId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
  // Lone surrogates cannot be percent-encoded at all; a client could never send them.
  anyString.map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '?'))),
);
// Valid bodies too, so the "may start a workflow" path is exercised and the visibility count means something.
const request = fc.constantFrom(...targets).chain((target) =>
  fc.record({
    target: fc.constant(target),
    id: pathId,
    body: fc.oneof(
      target.valid,
      nearValid(target.valid),
      fc.dictionary(fc.string({ maxLength: 10 }), anyValue, { maxKeys: 6 }),
      anyValue,
      rawPayloads,
    ),
  }),
);

let bed: ApiTestBed;
beforeAll(async () => {
  bed = await apiTestBed({ env: { API_RATE_LIMIT_PER_MINUTE: '100000000' } });
});
afterAll(async () => bed?.close());

describe(`${sizes.fuzzRuns} fuzzed API requests`, () => {
  it('never answers 5xx, and only a schema-valid body starts a workflow', async () => {
    const statuses = new Map<number, number>();
    const startedIds = new Set<string>();
    const invalidStarts: string[] = [];
    const serverErrors: string[] = [];
    const taskQueue = bed.harness.config.TEMPORAL_TASK_QUEUE;

    await fc.assert(
      fc.asyncProperty(request, async ({ target, id, body }) => {
        const raw = body && typeof body === 'object' && 'payload' in body && 'type' in body;
        const payload = raw ? String(body.payload) : body === undefined ? undefined : JSON.stringify(body);
        // Over the network, as clients call it: light-my-request's inject needs an ES module jest cannot load.
        const response = await fetch(`${bed.baseUrl}${target.url(id)}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${bed.keys[target.role]}`,
            ...(payload !== undefined ? { 'content-type': raw ? String(body.type) : 'application/json' } : {}),
          },
          body: payload,
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) serverErrors.push(`${response.status} ${target.url(id)} ${payload?.slice(0, 200)}`);
        if (target.starts && response.status < 300) {
          const parsed = target.starts.safeParse(payload === undefined ? {} : JSON.parse(payload));
          if (!parsed.success) invalidStarts.push(`${target.url(id)} ${payload?.slice(0, 200)}`);
          startedIds.add((JSON.parse(text) as { workflowId: string }).workflowId);
        }
        return response.status < 500;
      }),
      { numRuns: sizes.fuzzRuns, endOnFailure: true },
    );

    expect(serverErrors).toEqual([]);
    expect(invalidStarts).toEqual([]);
    // Visibility lags a little behind starts; wait for it to catch up, then every workflow on the queue is accounted for.
    const count = async () => Number((await bed.connection.client.workflow.count(`TaskQueue = "${taskQueue}"`)).count);
    const deadline = Date.now() + 60_000;
    while ((await count()) < startedIds.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(await count()).toBe(startedIds.size);

    await recordResult('api-fuzz', {
      requests: sizes.fuzzRuns,
      serverErrors: serverErrors.length,
      workflowsStarted: startedIds.size,
      invalidStarts: invalidStarts.length,
      byStatus: [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}:${n}`)
        .join(' '),
    });
  });
});
