import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { createApiKey } from '../../security/api-keys';
import { demoTickets } from '../../scripts/demo/tickets';
import { e2eConfig, e2eHarness, uniqueTicketId, workerDatabaseUrl, type E2EHarness } from './support';
import { freshBrowser, requireChromium, type FreshBrowser } from './web-ui/browser';
import { startCodecStack, type CodecStack } from './web-ui/codec-stack';
import { sendCredentialsToCodec, signInToCodec, watchDecodes } from './web-ui/codec-pages';

const screenshotDir = join(__dirname, '..', '..', '.data', 'screenshots');
const demo = demoTickets.find((d) => d.label === 'Thailand roaming')!;
// A stretch of the customer's message that JSON would not escape: on the page only if the payload was decoded.
const messageText = 'charged $45 for international roaming in Thailand';

let stack: CodecStack;
let harness: E2EHarness;
let workflowId: string;
const identities = { auditor: '', service: '' };
const keys = { auditor: '', service: '' };
let browser: FreshBrowser | null = null;

beforeAll(async () => {
  requireChromium();
  const config = e2eConfig();
  expect(config.PAYLOAD_ENCRYPTION).toBe('on');
  stack = await startCodecStack(config, workerDatabaseUrl(config));
  harness = await e2eHarness({ env: { TEMPORAL_ADDRESS: stack.temporalAddress } });
  const suffix = Math.random().toString(36).slice(2, 8);
  for (const role of ['auditor', 'service'] as const) {
    identities[role] = `${role}.${suffix}`;
    keys[role] = (await createApiKey(harness.pool, { identity: identities[role], role })).key;
  }
  const ticketId = uniqueTicketId('UI-ENC');
  ({ workflowId } = await harness.tickets.start({ ...demo.ticket, ticketId }));
  await harness.tickets.result(ticketId);
}, 120_000);
afterEach(async () => {
  await browser?.close();
  browser = null;
});
afterAll(async () => {
  await harness?.close();
  await stack?.close();
});

const openWorkflow = (page: Page) => page.goto(`${stack.uiUrl}/namespaces/default/workflows/${workflowId}`);

async function decodesRecordedFor(identity: string): Promise<Array<{ via: string }>> {
  const { rows } = await harness.pool.query<{ details: { via: string } }>(
    "SELECT details FROM audit_log WHERE action = 'audit.payloads_decoded' AND actor = $1",
    [`auditor:${identity}`],
  );
  return rows.map((row) => row.details);
}

describe('the Temporal Web UI with payload encryption on (headless Chromium)', () => {
  it("shows an auditor signed in to the codec server the ticket's decoded message", async () => {
    browser = await freshBrowser();
    const { page } = browser;
    const decodes = watchDecodes(page, stack.codecUrl);
    expect(await signInToCodec(page, stack.codecUrl, keys.auditor)).toMatch(/^Signed in as auditor\./);
    await sendCredentialsToCodec(page, stack.uiUrl, stack.codecUrl);
    const firstDecode = decodes.next();
    await openWorkflow(page);

    expect((await firstDecode).status()).toBe(200);
    await page.getByText(messageText).first().waitFor({ timeout: 30_000 });
    expect(decodes.statuses.every((status) => status === 200)).toBe(true);
    // Every decode the page asked for went on the audit chain as this auditor, through the browser session.
    expect((await decodesRecordedFor(identities.auditor)).map((d) => d.via)).toContain('session');
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'web-ui-auditor-decoded.png'), fullPage: true });
  }, 90_000);

  it('keeps the payload encrypted for a service key: the codec refuses it', async () => {
    browser = await freshBrowser();
    const { page } = browser;
    const decodes = watchDecodes(page, stack.codecUrl);
    expect(await signInToCodec(page, stack.codecUrl, keys.service)).toContain('role service may not read payloads');
    await sendCredentialsToCodec(page, stack.uiUrl, stack.codecUrl);
    const firstDecode = decodes.next();
    await openWorkflow(page);

    // No session: the codec answers 401, and the page shows the input as it is in history, encrypted.
    expect((await firstDecode).status()).toBe(401);
    await page.getByText('Codec Server could not connect').filter({ visible: true }).waitFor({ timeout: 30_000 });
    await page.getByText('"encryption-key-id"').first().waitFor({ timeout: 30_000 });
    expect(decodes.statuses.every((status) => status === 401)).toBe(true);
    expect(await page.locator('body').innerText()).not.toContain(messageText);
    expect(await page.content()).not.toContain(messageText);
  }, 90_000);
});

describe('the temporal CLI with --codec-endpoint', () => {
  const temporal = (args: string[], key: string) =>
    promisify(execFile)(stack.temporalCli, [
      ...args,
      '--address',
      stack.temporalAddress,
      '--workflow-id',
      workflowId,
      '--codec-endpoint',
      stack.codecUrl,
      '--codec-auth',
      `Bearer ${key}`,
    ]).then(
      ({ stdout }) => ({ ok: true, output: stdout }),
      (error: { stdout?: string; stderr?: string }) => ({ ok: false, output: `${error.stdout}${error.stderr}` }),
    );

  // The ticket's result is encrypted in history; its intent shows only once the codec has decoded it.
  const decodedResult = '"intent":"roaming_charge_query"';

  it("reads the ticket's history and answers its query, decoded, with an auditor key", async () => {
    const history = await temporal(['workflow', 'show'], keys.auditor);
    expect(history).toMatchObject({ ok: true, output: expect.stringContaining(decodedResult) });
    // The CLI encodes a query's empty arguments as `{}` and names no namespace: the codec must take both.
    const status = await temporal(['workflow', 'query', '--type', 'status'], keys.auditor);
    expect(status).toMatchObject({ ok: true, output: expect.stringContaining('"stage":"completed"') });
  });

  it('refuses a service key, so nothing is decoded', async () => {
    const status = await temporal(['workflow', 'query', '--type', 'status'], keys.service);
    expect(status).toMatchObject({ ok: false, output: expect.stringContaining('role service may not read payloads') });
    expect(status.output).not.toContain('"stage"');
  });
});
