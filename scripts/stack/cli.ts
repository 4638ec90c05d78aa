import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript, scriptCommand } from '../../client/cli/script-args';
import {
  profileNames,
  projectRoot,
  stackDir,
  stackFile,
  startStack,
  type Profile,
  type StackInfo,
} from '../../tooling/stack/index';
import { processAlive } from '../../tooling/stack/processes';
import { clusterEnvLines } from '../../tooling/stack/temporal-cluster-env';

export type StackCommand =
  { command: 'up'; profile: Profile; detach: boolean } | { command: 'down' | 'env'; profile: Profile };

/**
 * `stack up [--profile <name>] [--detach]` starts Temporal and PostgreSQL and stays up until SIGINT/SIGTERM (or, with
 * --detach, in the background). `stack down` stops a detached stack; `stack env` prints its variables for a shell.
 */
export async function parseStackOptions(argv: string[]): Promise<StackCommand> {
  const { program, Option } = await scriptCommand('npm run stack --', 'Run the local Temporal and PostgreSQL stack');
  const profileOption = () =>
    new Option('--profile <name>', 'which stack: its ports and data folder').choices(profileNames).default('dev');
  let chosen: StackCommand | undefined;
  program
    .command('up', { isDefault: true })
    .description('start the stack; it stays in the foreground unless --detach')
    .addOption(profileOption())
    .option('--detach', 'start it in the background and return once it is up', false)
    .action((options: { profile: Profile; detach: boolean }) => {
      chosen = { command: 'up', profile: options.profile, detach: options.detach };
    });
  for (const [command, description] of [
    ['down', 'stop a detached stack'],
    ['env', "print the stack's variables for a shell (eval it)"],
  ] as const) {
    program
      .command(command)
      .description(description)
      .addOption(profileOption())
      .action((options: { profile: Profile }) => {
        chosen = { command, profile: options.profile };
      });
  }
  program.parse(argv, { from: 'user' });
  return chosen!;
}

const logger = (profile: Profile) => (line: string) => console.error(`[stack:${profile}] ${line}`);

function readInfo(profile: Profile): StackInfo | null {
  return existsSync(stackFile(profile)) ? (JSON.parse(readFileSync(stackFile(profile), 'utf8')) as StackInfo) : null;
}

async function up(profile: Profile, detached: boolean): Promise<void> {
  const log = logger(profile);
  const existing = readInfo(profile);
  if (existing && processAlive(existing.supervisorPid)) return log(`already up (pid ${existing.supervisorPid})`);
  if (detached) return detach(profile);
  const stack = await startStack(profile, log);
  log('up; Ctrl-C to stop');
  const shutdown = async () => {
    log('stopping');
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30);
}

async function detach(profile: Profile): Promise<void> {
  mkdirSync(stackDir(profile), { recursive: true });
  const out = openSync(join(stackDir(profile), 'supervisor.log'), 'w');
  const child = spawn(process.execPath, [...process.execArgv, __filename, 'up', '--profile', profile], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  const deadline = Date.now() + 15 * 60_000; // a first run may build the Temporal CLI
  while (Date.now() < deadline) {
    if (readInfo(profile)) {
      return logger(profile)(`up (pid ${child.pid}); logs in ${join(stackDir(profile), 'supervisor.log')}`);
    }
    if (child.exitCode !== null) {
      const logText = readFileSync(join(stackDir(profile), 'supervisor.log'), 'utf8');
      throw new Error(`stack failed to start:\n${logText}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('stack did not come up in time');
}

async function down(profile: Profile): Promise<void> {
  const log = logger(profile);
  const info = readInfo(profile);
  if (!info || !processAlive(info.supervisorPid)) return log('not running');
  process.kill(info.supervisorPid, 'SIGTERM');
  while (processAlive(info.supervisorPid)) await new Promise((resolve) => setTimeout(resolve, 100));
  log('down');
}

function env(profile: Profile): void {
  const info = readInfo(profile);
  if (!info) throw new Error(`no ${profile} stack is running`);
  console.log(
    [
      `export TEMPORAL_ADDRESS=${info.temporalAddress}`,
      // The application's login: what a worker, API or codec server started from this shell should use.
      `export DATABASE_URL=${info.appDatabaseUrl}`,
      `export DATABASE_OWNER_URL=${info.databaseUrl}`,
      `export PAYLOAD_CODEC_KEYS=${info.codecKeys}`,
      `export AUDIT_CHAIN_KEYS=${info.auditChainKeys}`,
      ...clusterEnvLines(info),
      // So `npm run codec-server` from this shell serves the endpoint the Web UI was given, for the UI's origin.
      ...(info.temporalUiUrl ? [`export TEMPORAL_UI_URL=${info.temporalUiUrl}`] : []),
      ...(info.codecEndpoint ? [`export CODEC_SERVER_PORT=${new URL(info.codecEndpoint).port}`] : []),
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const options = await parseStackOptions(process.argv.slice(2));
  if (options.command === 'up') return up(options.profile, options.detach);
  return options.command === 'down' ? down(options.profile) : env(options.profile);
}

if (require.main === module) runScript(main);
