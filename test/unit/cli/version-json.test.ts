import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliVersion } from '../../../client/cli/version';

/** The real launcher, as bin.test.ts runs it: commander is ESM-only, which jest's runtime cannot load. */
const bin = join(__dirname, '..', '..', '..', 'bin', 'switchboard');
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

function switchboard(args: string[]) {
  return new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH }, timeout: 30_000 }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });
}

describe('switchboard --version', () => {
  it("prints package.json's version and exits 0, long or short", async () => {
    for (const flag of ['--version', '-V'])
      expect(await switchboard([flag])).toEqual({ code: 0, stdout: `${manifest.version}\n` });
  });

  it('finds the manifest from a deeper folder, as a compiled dist/ tree would', () => {
    expect(cliVersion(join(__dirname, '..', '..', '..', 'client', 'cli', 'commands'))).toBe(manifest.version);
  });
});

describe('--json on every read command', () => {
  it.each([
    ['approvals', 'list'],
    ['tickets', 'show'],
    ['reports', 'acma'],
    ['audit', 'verify'],
    ['keys', 'show'],
  ])('%s %s takes --json', async (group, command) => {
    const help = await switchboard([group, command, '--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('--json')]);
  });

  it('keys show --json prints the key as JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-key-')), 'key.json');
    expect(
      (await switchboard(['keys', 'create', '--identity', 'eng.json', '--role', 'oncall', '--out', file])).code,
    ).toBe(0);
    const shown = await switchboard(['keys', 'show', '--key', file, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ identity: 'eng.json', role: 'oncall', keyId: expect.any(String) });
  });

  it('refuses --json with --csv as a usage error, before asking the API', async () => {
    expect((await switchboard(['reports', 'acma', '2025-02', '--json', '--csv'])).code).toBe(2);
  });
});
