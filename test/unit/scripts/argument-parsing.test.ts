import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { argvReadsByHand } from './argv-readers';
import type { ParserCase, ParserOutcome } from './run-parsers';

const root = join(__dirname, '..', '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Where scripts live: each reads its command line only through its parser. */
const scriptDirs = ['scripts', 'bench', 'eval', 'test', 'tooling'];
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !file.split('/').includes('node_modules'));
}

describe('every script reads its command line through its parser', () => {
  it('finds no read of process.argv that bypasses a parse…Options function', () => {
    const files = scriptDirs.flatMap(sourcesUnder);
    expect(files).toEqual(
      expect.arrayContaining(['scripts/fraud/generate.ts', 'bench/main.ts', 'test/replay/record.ts']),
    );
    const reads = argvReadsByHand(
      Object.fromEntries(files.map((file) => [file, readFileSync(join(root, file), 'utf8')])),
    );
    expect(reads).toEqual([]);
  });

  it('tells a hand-read command line from one handed to the parser', () => {
    const reads = argvReadsByHand({
      'flag.ts': "const once = process.argv.includes('--once');",
      'positional.ts': 'const [dir] = process.argv.slice(2);',
      'index.ts': 'const out = process.argv[2];',
      'handed.ts': 'parseDemoOptions(process.argv.slice(2));',
      'echoed.ts': [
        'function echo(argv: string[]) { return argv.filter((arg) => arg !== "--x"); }',
        'async function main() {',
        '  const argv = process.argv.slice(2);',
        '  await parseEvalOptions(argv);',
        '  report({ argv }, echo(argv));',
        '}',
      ].join('\n'),
      'handed-then-read.ts': [
        'const args = process.argv.slice(2);',
        'parseFooOptions(args);',
        "if (args.includes('--quiet')) quiet();",
      ].join('\n'),
      'never-handed.ts': 'const argv = process.argv.slice(2);\nrun(argv);',
    });
    expect(reads.map((read) => read.file).sort()).toEqual([
      'flag.ts',
      'handed-then-read.ts',
      'index.ts',
      'never-handed.ts',
      'positional.ts',
    ]);
    expect(reads.find((read) => read.file === 'flag.ts')).toMatchObject({
      line: 1,
      code: "const once = process.argv.includes('--once');",
    });
  });
});

/** The command lines of one script: each is parsed by `parser`, exported from `module`. */
const commandLinesOf =
  (module: string, parser: string) =>
  (...argv: string[]): ParserCase => ({ module, parser, argv });
const generate = commandLinesOf('scripts/fraud/generate.ts', 'parseGenerateOptions');
const apiKeys = commandLinesOf('scripts/api-keys.ts', 'parseApiKeysOptions');
const audit = commandLinesOf('scripts/audit.ts', 'parseAuditOptions');
const stack = commandLinesOf('scripts/stack/cli.ts', 'parseStackOptions');
const temporalAuth = commandLinesOf('scripts/stack/temporal-auth.ts', 'parseTemporalAuthOptions');

/** Every command line below, parsed by the scripts' own parsers in one child process (see run-parsers.ts). */
const cases = {
  generateGood: generate('--accounts', '20000', '--days', '30', '--end', '2026-11-21'),
  generateDefaults: generate('--accounts=5', '--days=2', '--seed=0'),
  generateUnknown: generate('--accounts', '5', '--days', '2', '--acounts', '6'),
  generateMissing: generate('--days', '2'),
  generateNotANumber: generate('--accounts', 'many', '--days', '2'),
  // Date.parse would roll the 30th of February over into March.
  generateNotADay: generate('--accounts', '5', '--days', '2', '--end', '2026-02-30'),
  generateHelp: generate('--help'),
  apiKeysCreate: apiKeys('create', '--identity', 'eng.alice', '--role', 'oncall'),
  apiKeysRevoke: apiKeys('revoke', 'ab12cd34'),
  apiKeysBadRole: apiKeys('create', '--identity', 'eng.alice', '--role', 'root'),
  apiKeysBadIdentity: apiKeys('create', '--identity', 'Eng Alice', '--role', 'agent'),
  apiKeysOtherCommandsOption: apiKeys('revoke', 'ab12cd34', '--role', 'agent'),
  apiKeysNoCommand: apiKeys(),
  auditVerify: audit('verify'),
  auditVerifyAlone: audit('verify', '--no-anchors'),
  auditPrune: audit('prune'),
  auditUnknownCommand: audit('repair'),
  auditPruneWithVerifysOption: audit('prune', '--no-anchors'),
  stackBare: stack(),
  stackUpDetached: stack('up', '--profile', 'lane3', '--detach'),
  stackDown: stack('down', '--profile=cluster'),
  stackUnknownProfile: stack('up', '--profile', 'lane9'),
  stackDetachOnEnv: stack('env', '--detach'),
  temporalAuthDir: temporalAuth('/tmp/auth'),
  temporalAuthNamespace: temporalAuth('/tmp/auth', 'switchboard'),
  temporalAuthNoDir: temporalAuth(),
} satisfies Record<string, ParserCase>;

describe('script parsers', () => {
  let outcomes: Record<keyof typeof cases, ParserOutcome>;
  beforeAll(() => {
    const names = Object.keys(cases) as Array<keyof typeof cases>;
    const run = spawnSync(process.execPath, [tsx, join(__dirname, 'run-parsers.ts')], {
      cwd: root,
      input: JSON.stringify(names.map((name) => cases[name])),
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`run-parsers exited ${run.status}: ${run.stderr}`);
    const list = JSON.parse(run.stdout) as ParserOutcome[];
    outcomes = Object.fromEntries(names.map((name, i) => [name, list[i]])) as typeof outcomes;
  });
  const refused = (exitCode: number, stderr: string) => ({
    refused: { exitCode, stdout: '', stderr: expect.stringContaining(stderr) },
  });

  it('data:generate reads typed options and fills the documented defaults', () => {
    expect(outcomes.generateGood).toEqual({ parsed: { accounts: 20000, days: 30, seed: 42, end: '2026-11-21' } });
    expect(outcomes.generateDefaults).toEqual({
      parsed: { accounts: 5, days: 2, seed: 0, end: new Date().toISOString().slice(0, 10) },
    });
  });

  it('data:generate refuses an unknown option, a missing one and a bad value with exit code 2', () => {
    expect(outcomes.generateUnknown).toEqual(refused(2, "error: unknown option '--acounts'"));
    expect(outcomes.generateMissing).toEqual(refused(2, "error: required option '--accounts <n>' not specified"));
    expect(outcomes.generateNotANumber).toEqual(
      refused(2, "option '--accounts <n>' argument 'many' is invalid. Expected a positive integer."),
    );
    expect(outcomes.generateNotADay).toEqual(
      refused(2, "option '--end <date>' argument '2026-02-30' is invalid. Expected a calendar date, YYYY-MM-DD."),
    );
  });

  it('data:generate documents its defaults in --help, after which it exits 0', () => {
    expect(outcomes.generateHelp).toEqual({ refused: { exitCode: 0, stdout: expect.any(String), stderr: '' } });
    const help = 'refused' in outcomes.generateHelp ? outcomes.generateHelp.refused.stdout : '';
    expect(help).toMatch(/--seed <n> +seed of the generator \(default: 42\)/);
    expect(help).toMatch(/--end <date> +the last generated day, YYYY-MM-DD \(default: today \(UTC\)\)/);
  });

  it('api-keys reads each command with its own options', () => {
    expect(outcomes.apiKeysCreate).toEqual({ parsed: { command: 'create', identity: 'eng.alice', role: 'oncall' } });
    expect(outcomes.apiKeysRevoke).toEqual({ parsed: { command: 'revoke', prefix: 'ab12cd34' } });
  });

  it("api-keys refuses a role that is none, an identity the schema refuses, another command's option, no command", () => {
    expect(outcomes.apiKeysBadRole).toEqual(
      refused(2, "argument 'root' is invalid. Allowed choices are service, agent, oncall, analyst, reviewer, auditor."),
    );
    expect(outcomes.apiKeysBadIdentity).toEqual(
      refused(2, "argument 'Eng Alice' is invalid. identity: lowercase letters, digits"),
    );
    expect(outcomes.apiKeysOtherCommandsOption).toEqual(refused(2, "error: unknown option '--role'"));
    // No command: the usage, listing the commands, on stderr.
    expect(outcomes.apiKeysNoCommand).toEqual(refused(2, 'revoke <prefix>'));
  });

  it('audit reads verify, with and without the anchors, and prune', () => {
    expect(outcomes.auditVerify).toEqual({ parsed: { command: 'verify', anchors: true } });
    expect(outcomes.auditVerifyAlone).toEqual({ parsed: { command: 'verify', anchors: false } });
    expect(outcomes.auditPrune).toEqual({ parsed: { command: 'prune' } });
  });

  it("audit refuses an unknown command and verify's option on prune", () => {
    expect(outcomes.auditUnknownCommand).toEqual(refused(2, "error: unknown command 'repair'"));
    expect(outcomes.auditPruneWithVerifysOption).toEqual(refused(2, "error: unknown option '--no-anchors'"));
  });

  it('stack reads up (the default), down and env, each with a known profile', () => {
    expect(outcomes.stackBare).toEqual({ parsed: { command: 'up', profile: 'dev', detach: false } });
    expect(outcomes.stackUpDetached).toEqual({ parsed: { command: 'up', profile: 'lane3', detach: true } });
    expect(outcomes.stackDown).toEqual({ parsed: { command: 'down', profile: 'cluster' } });
    expect(outcomes.stackUnknownProfile).toEqual(refused(2, "argument 'lane9' is invalid. Allowed choices are dev,"));
    expect(outcomes.stackDetachOnEnv).toEqual(refused(2, "error: unknown option '--detach'"));
  });

  it('temporal-auth reads a folder and an optional namespace', () => {
    expect(outcomes.temporalAuthDir).toEqual({ parsed: { dir: '/tmp/auth', namespace: 'default' } });
    expect(outcomes.temporalAuthNamespace).toEqual({ parsed: { dir: '/tmp/auth', namespace: 'switchboard' } });
    expect(outcomes.temporalAuthNoDir).toEqual(refused(2, "error: missing required argument 'dir'"));
  });
});

describe('a script run with a refused command line', () => {
  it('prints why and exits 2 before doing any work', () => {
    const run = spawnSync(process.execPath, [tsx, join(root, 'scripts', 'test-summary.ts'), '--verbose'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toContain("error: unknown option '--verbose'");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});
