import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { demoTickets } from '../../scripts/demo/tickets';
import { e2eHarness, uniqueTicketId, type E2EHarness } from './support';
import { chromiumArgs, chromiumPath, requireChromium } from './web-ui/browser';

const screenshotDir = join(__dirname, '..', '..', '.data', 'screenshots');

let harness: E2EHarness;
let browser: Browser;
beforeAll(async () => {
  requireChromium();
  if (!process.env.TEMPORAL_UI_URL) {
    throw new Error('TEMPORAL_UI_URL is not set: the stack must serve the Web UI (a profile with a uiPort)');
  }
  // In clear: with payload encryption on, the UI shows summaries only through the codec server
  // (web-ui-encrypted.test.ts signs an auditor in to one).
  harness = await e2eHarness({ env: { PAYLOAD_ENCRYPTION: 'off' } });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('the Temporal Web UI (headless Chromium)', () => {
  it("shows a ticket's summary and its case history", async () => {
    const demo = demoTickets.find((d) => d.label === 'Thailand roaming')!;
    const ticketId = uniqueTicketId('UI');
    const { workflowId } = await harness.tickets.start({ ...demo.ticket, ticketId });
    await harness.tickets.result(ticketId);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1400 } });
    try {
      await page.goto(`${process.env.TEMPORAL_UI_URL}/namespaces/default/workflows/${workflowId}`);
      await page.getByText(`Ticket ${ticketId} (chat)`).first().waitFor({ timeout: 30_000 });
      // Activity summaries from the workflow: the Timeline reads as the case history.
      await page.getByText('Check the draft against the guardrails').first().waitFor({ timeout: 30_000 });
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, 'web-ui-ticket.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 90_000);
});
