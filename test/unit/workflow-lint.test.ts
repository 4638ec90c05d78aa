import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Runs the project's real ESLint config over code as if it were a file in workflows/. */
async function lintWorkflow(code: string): Promise<string[]> {
  const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const filePath = join(root, 'workflows', 'ticket', 'example.ts');
  const run = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', filePath, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('workflow determinism lint', () => {
  it.each([
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      /no-restricted-imports.*Node built-ins/,
    ],
    ["import { Pool } from 'pg';\nexport const x = Pool;", /No I\/O in workflows/],
    ['export const now = () => Date.now();', /no-restricted-properties/],
    ['export const roll = () => Math.random();', /no-restricted-properties/],
    ['export const t = () => new Date();', /no-restricted-syntax/],
    ["export const f = () => fetch('http://x');", /no-restricted-globals/],
    ['export const e = () => process.env.X;', /no-restricted-globals/],
    ["import { createActivities } from '../../activities';\nexport const a = createActivities;", /import type/],
  ])('rejects %s', async (code, expected) => {
    const messages = await lintWorkflow(code);
    expect(messages.join('\n')).toMatch(expected);
  });

  it('accepts deterministic workflow code with type-only activity imports', async () => {
    const code = [
      "import { proxyActivities, sleep } from '@temporalio/workflow';",
      "import type { Activities } from '../../activities';",
      "const a = proxyActivities<Activities>({ startToCloseTimeout: '1s' });",
      'export async function wf(): Promise<void> {',
      "  await sleep('1s');",
      "  await a.retrieveKnowledge({ query: 'x', k: 1 });",
      '}',
    ].join('\n');
    expect(await lintWorkflow(code)).toEqual([]);
  });
});
