import type { Page, Response } from 'playwright-core';

/** The codec server's own sign-in page, as an auditor uses it: the key goes in a form, a session cookie comes back. */
export async function signInToCodec(page: Page, codecUrl: string, key: string): Promise<string> {
  await page.goto(`${codecUrl}/login`);
  await page.getByLabel('Auditor API key').fill(key);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()]);
  return (await page.locator('body').innerText()).trim();
}

/**
 * The dev server's UI names the codec endpoint (`--ui-codec-endpoint`) but sends it no cookies, and the dev server
 * has no flag to change that. So the auditor, in the UI's Codec Server settings, uses the browser setting with the
 * same endpoint and "Include cross-origin credentials": then the session cookie reaches the codec server.
 */
export async function sendCredentialsToCodec(page: Page, uiUrl: string, codecUrl: string): Promise<void> {
  await page.goto(`${uiUrl}/namespaces/default/workflows`);
  await page.getByRole('button', { name: /Codec Server/ }).click();
  await page.getByRole('button', { name: /^Use Cluster-level setting/ }).click();
  await page.getByText('Use my browser setting and ignore Cluster-level setting.').click();
  await page.getByPlaceholder('Paste your endpoint here').fill(codecUrl);
  // The drawer opens under the sticky top bar, which takes the pointer: the switch is toggled from the keyboard.
  const credentials = page.getByLabel('Include cross-origin credentials');
  await credentials.focus();
  await page.keyboard.press('Space');
  if (!(await credentials.isChecked())) throw new Error('the Web UI did not turn on cross-origin credentials');
  await page.getByRole('button', { name: 'Apply' }).click();
}

/** The browser's own decode calls to the codec server: each status, and a wait for the next one. */
export function watchDecodes(page: Page, codecUrl: string): { statuses: number[]; next(): Promise<Response> } {
  const isDecode = (response: Response) =>
    response.request().method() === 'POST' &&
    response.url().startsWith(`${codecUrl}/`) &&
    response.url().endsWith('/decode');
  const statuses: number[] = [];
  page.on('response', (response) => {
    if (isDecode(response)) statuses.push(response.status());
  });
  return { statuses, next: () => page.waitForResponse(isDecode, { timeout: 30_000 }) };
}
