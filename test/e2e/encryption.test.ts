import { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { chainKeysFromConfig } from '../../activities/audit/chain-keys';
import { buildCodecServer } from '../../client/codec-server/app';
import { payloadsToJson } from '../../client/codec-server/payloads';
import { createApiKey } from '../../security/api-keys';
import { createDataConverter } from '../../security/data-converter';
import { keyRingFromConfig } from '../../security/keyring';
import { localActivityBookkeeping, metadataText, payloadsOf, rawText } from './encryption/history';
import { failureMarker, marker, providerFailingOn, runScenario, telemetryLine } from './encryption/scenario';
import { e2eHarness, workerDatabaseUrl, type E2EHarness } from './support';

const uiOrigin = 'http://ui.switchboard.test:8233';

let harness: E2EHarness;
let codecServer: FastifyInstance;
let codecUrl: string;
let codecPool: Pool;
const keys = { auditor: '', service: '' };
let histories: Awaited<ReturnType<typeof runScenario>>['histories'];
let reply = '';

beforeAll(async () => {
  harness = await e2eHarness({ provider: providerFailingOn(failureMarker) });
  const suffix = randomUUID().slice(0, 8);
  keys.auditor = (await createApiKey(harness.pool, { identity: `auditor.${suffix}`, role: 'auditor' })).key;
  keys.service = (await createApiKey(harness.pool, { identity: `service.${suffix}`, role: 'service' })).key;
  // The codec server connects as the application's role, as the stack runs it.
  codecPool = new Pool({ connectionString: workerDatabaseUrl(harness.config), max: 2 });
  codecServer = buildCodecServer({
    ring: keyRingFromConfig(harness.config)!,
    pool: codecPool,
    chainKeys: chainKeysFromConfig(harness.config)!,
    corsOrigin: uiOrigin,
    namespace: harness.config.TEMPORAL_NAMESPACE,
  });
  codecUrl = await codecServer.listen({ host: '127.0.0.1', port: 0 });
  ({ histories, reply } = await runScenario(harness));
}, 90_000);

afterAll(async () => {
  await codecServer?.close();
  await codecPool?.end();
  await harness?.close();
});

async function decode(payloads: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${codecUrl}/decode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
    body: JSON.stringify(payloads),
  });
  const body = (await response.json()) as { payloads?: Array<{ data: string }>; error?: string };
  const text = (body.payloads ?? []).map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');
  return { status: response.status, body, text };
}
const auditor = () => ({ authorization: `Bearer ${keys.auditor}` });
// The longest stretch of the reply that JSON would not escape, so a leak would show verbatim.
const replyNeedle = () =>
  [...reply.matchAll(/[A-Za-z0-9 ,.$]+/g)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0]!;

describe('customer data in Temporal history', () => {
  it('is unreadable in the raw history: no customer message, reply or telemetry line', () => {
    expect(replyNeedle().length).toBeGreaterThan(30);
    const ticket = rawText(histories.ticket);
    expect(ticket).not.toContain(marker);
    expect(ticket).not.toContain(replyNeedle());
    expect(ticket).not.toContain('Thailand');
    expect(rawText(histories.fault)).not.toContain(telemetryLine);
    expect(rawText(histories.fault)).not.toContain('CPUHOG');
  });

  it('keeps every payload encrypted under the active key, with its id in the metadata', () => {
    const activeId = keyRingFromConfig(harness.config)!.activeId;
    for (const history of Object.values(histories)) {
      const payloads = payloadsOf(history);
      expect(payloads.length).toBeGreaterThan(3);
      for (const payload of payloads) {
        expect(metadataText(payload, 'encoding')).toBe('binary/encrypted');
        expect(metadataText(payload, 'encryption-key-id')).toBe(activeId);
      }
    }
  });

  it("leaves in clear only a local activity's bookkeeping: sequence, attempt, type and times, never its result", () => {
    const bookkeeping = localActivityBookkeeping(histories.ticket);
    // The ticket's short steps run as local activities, so the markers are there to check.
    expect(bookkeeping.length).toBeGreaterThan(0);
    const allowed = [
      'activity_id',
      'activity_type',
      'attempt',
      'backoff',
      'complete_time',
      'original_schedule_time',
      'seq',
    ];
    for (const entry of bookkeeping) expect(Object.keys(entry).filter((key) => !allowed.includes(key))).toEqual([]);
    const markers = histories.ticket.events!.filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    // Every short step of this scenario succeeds, so every marker carries its result, and each is encrypted.
    const results = markers.map((marker) => marker.markerRecordedEventAttributes!.details!.result?.payloads?.[0]);
    expect(results.length).toBe(bookkeeping.length);
    for (const result of results) expect(result && metadataText(result, 'encoding')).toBe('binary/encrypted');
  });

  it('shows an activity failure only as "Encoded failure", its message encrypted with the rest', async () => {
    const failed = histories.failed.events!.filter((event) => event.activityTaskFailedEventAttributes);
    expect(failed.length).toBeGreaterThan(0);
    for (const event of failed) {
      const failure = event.activityTaskFailedEventAttributes!.failure!;
      expect(failure.message).toBe('Encoded failure');
      expect(metadataText(failure.encodedAttributes!, 'encoding')).toBe('binary/encrypted');
    }
    expect(rawText(histories.failed)).not.toContain(failureMarker);
    const { text } = await decode(payloadsToJson(payloadsOf(histories.failed)), auditor());
    expect(text).toContain(`cannot process: ${failureMarker}`);
  });

  it('replays from the encrypted history with the same data converter', async () => {
    const dataConverter = createDataConverter(keyRingFromConfig(harness.config));
    const workflowBundle = { codePath: harness.config.WORKFLOW_BUNDLE_PATH! };
    for (const history of Object.values(histories)) {
      await expect(Worker.runReplayHistory({ workflowBundle, dataConverter }, history)).resolves.toBeUndefined();
    }
  });
});

describe('the codec server', () => {
  const everything = () => payloadsToJson(Object.values(histories).flatMap(payloadsOf));

  it('decodes the raw history for an auditor: message, reply and telemetry are all there', async () => {
    const { status, text } = await decode(everything(), auditor());
    expect(status).toBe(200);
    expect(text).toContain(marker);
    expect(text).toContain(replyNeedle());
    expect(text).toContain(telemetryLine);
  });

  it('records every decode on the audit chain as the auditor: ids and counts, never what was decoded', async () => {
    const workflowId = `wf-decoded-${randomUUID().slice(0, 8)}`;
    const body = everything();
    const headers = { ...auditor(), 'x-namespace': harness.config.TEMPORAL_NAMESPACE, 'x-workflow-id': workflowId };
    expect((await decode(body, headers)).status).toBe(200);
    const { rows } = await harness.pool.query(
      `SELECT actor, action, kind, details, details::text AS text, hash_alg FROM audit_log WHERE workflow_id = $1`,
      [workflowId],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^auditor:auditor\./),
        action: 'audit.payloads_decoded',
        kind: 'decision',
        details: expect.objectContaining({
          payloads: body.payloads.length,
          namespace: harness.config.TEMPORAL_NAMESPACE,
          via: 'api_key',
        }),
        hash_alg: expect.stringMatching(/^hmac-sha256:/),
      }),
    ]);
    expect(rows[0].text).not.toContain(marker);
    expect(rows[0].text).not.toContain(telemetryLine);
    // A refused caller decodes nothing and so leaves no row.
    expect((await decode(body, { 'x-workflow-id': `${workflowId}-x` })).status).toBe(401);
    const refused = await harness.pool.query('SELECT 1 FROM audit_log WHERE workflow_id = $1', [`${workflowId}-x`]);
    expect(refused.rowCount).toBe(0);
  });

  it('refuses a caller without a key (401) and a valid key of another role (403)', async () => {
    expect((await decode(everything())).status).toBe(401);
    expect((await decode(everything(), { authorization: 'Bearer sb_nothere1_' + 'x'.repeat(43) })).status).toBe(401);
    const service = await decode(everything(), { authorization: `Bearer ${keys.service}` });
    expect(service.status).toBe(403);
    expect(service.text).toBe('');
    expect(JSON.stringify(service.body)).not.toContain(marker);
  });

  it('answers a malformed body with 400 and a reason, never 500', async () => {
    // Protobuf JSON leaves an empty list out: `{}` is no payloads (the temporal CLI sends it for a query's arguments).
    expect(await decode({}, auditor())).toMatchObject({ status: 200, body: { payloads: [] } });
    for (const body of [{ payloads: 'x' }, { payloads: [{ data: 'not base64!' }] }, [1, 2]]) {
      const { status, body: answer } = await decode(body, auditor());
      expect(status).toBe(400);
      expect(answer.error).toMatch(/payloads|base64|body/);
    }
    const notJson = await fetch(`${codecUrl}/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auditor() },
      body: '{"payloads": [',
    });
    expect(notJson.status).toBe(400);
  });

  it('names the key id it lacks instead of failing obscurely', async () => {
    const [payload] = payloadsToJson(payloadsOf(histories.ticket)).payloads;
    payload!.metadata!['encryption-key-id'] = Buffer.from('key-from-1999').toString('base64');
    const { status, body } = await decode({ payloads: [payload] }, auditor());
    expect(status).toBe(400);
    expect(body.error).toMatch(/"key-from-1999"/);
  });

  it('refuses a request for another namespace', async () => {
    const { status } = await decode(everything(), { ...auditor(), 'x-namespace': 'someone-else' });
    expect(status).toBe(400);
  });

  it('allows a CORS preflight from the Web UI origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${codecUrl}/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,x-namespace',
        },
      });
    const allowed = await preflight(uiOrigin);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/authorization/);
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('signs a browser in with an opaque session cookie that stands in for the auditor key', async () => {
    expect((await fetch(`${codecUrl}/login`)).headers.get('content-type')).toMatch(/text\/html/);
    const login = (key: string) =>
      fetch(`${codecUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key }).toString(),
      });
    expect((await login(keys.service)).status).toBe(403);
    expect((await login('sb_nope')).status).toBe(401);
    const ok = await login(keys.auditor);
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=None/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).not.toContain(keys.auditor.split('_')[2]!);
    const cookie = setCookie.split(';')[0]!;

    const fromUi = await decode(everything(), { cookie, origin: uiOrigin });
    expect(fromUi.status).toBe(200);
    expect(fromUi.text).toContain(marker);
    expect((await decode(everything(), { cookie, origin: 'https://evil.example' })).status).toBe(401);
    expect((await decode(everything(), { cookie: 'sb_codec_session=forged' })).status).toBe(401);

    await fetch(`${codecUrl}/logout`, { method: 'POST', headers: { cookie } });
    expect((await decode(everything(), { cookie, origin: uiOrigin })).status).toBe(401);
  });
});
