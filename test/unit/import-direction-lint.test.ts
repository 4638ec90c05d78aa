import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Runs the project's real ESLint config over one import, as if it were the first line of a file at `path`. */
function lint(path: string, code: string): string[] {
  const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(
    process.execPath,
    [eslint, '--stdin', '--stdin-filename', join(root, path), '--format', 'json'],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const importing = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;
const importingType = (specifier: string) => `import type { X } from '${specifier}';\nexport type Y = X;\n`;

describe('import direction lint', () => {
  it.each([
    ['workers/example.ts', '../eval/fairness', /never imports tooling/],
    ['activities/evaluation/example.ts', '../../scripts/demo/tickets', /never imports tooling/],
    ['client/api/example.ts', '../../test/e2e/support', /never imports tooling/],
    ['domain/example.ts', '../bench/main', /never imports tooling/],
    ['workflows/ticket/example.ts', '../../eval/fairness', /never imports tooling/],
    ['workflows/ticket/example.ts', '../../config', /only domain\/, workflow modules and activity types/],
    ['workflows/ticket/example.ts', '../../workers/schedules', /only domain\/, workflow modules and activity types/],
    ['workflows/ticket/example.ts', '../../activities/evaluation', /import type/],
    ['activities/ticket/example.ts', '../../workers/model-deps', /built by workers/],
    ['activities/ticket/example.ts', '../../workflows/fault/run', /Activities do not import workflows/],
    ['activities/evaluation/example.ts', '../../workflows/ticket/resolveTicket', /Activities do not import workflows/],
    ['bench/example.ts', '../scripts/demo/tickets', /do not import scripts/],
    ['eval/example.ts', '../scripts/demo/tickets', /do not import scripts/],
    ['bench/example.ts', '../scripts/stack/cli', /do not import scripts/],
    ['eval/example.ts', '../scripts/fraud/generate', /do not import scripts/],
    ['tooling/stack/example.ts', '../../scripts/demo/tickets', /do not import scripts/],
    ['tooling/emulators/example.ts', '../../test/e2e/support', /tooling\/ does not import test/],
    ['workers/example.ts', '../tooling/emulators', /never imports tooling/],
  ])('rejects %s importing %s', (path, specifier, expected) => {
    expect(lint(path, importing(specifier)).join('\n')).toMatch(expected);
  });

  it.each([
    ['workflows/ticket/example.ts', importing('../../domain/ticket')],
    ['workflows/ticket/example.ts', importingType('../../activities/evaluation')],
    ['activities/evaluation/example.ts', importing('../../domain/ticket-routing')],
    ['activities/evaluation/example.ts', importing('../../domain/seed-examples')],
    ['workers/example.ts', importing('../activities/evaluation')],
    ['eval/example.ts', importing('../activities/evaluation/fairness-blind-test')],
    ['eval/example.ts', importing('../workers/evaluation-engine')],
    ['eval/example.ts', importing('../tooling/stack')],
    ['bench/example.ts', importing('../tooling/fraud-data/generate')],
    ['scripts/demo/example.ts', importing('../../tooling/emulators/model-emulator')],
  ])('accepts %s: %s', (path, code) => {
    expect(lint(path, code)).toEqual([]);
  });
});
