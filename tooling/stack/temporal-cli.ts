import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** v1.6+ carries a replace directive in its go.mod, so `go install` cannot build it. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export type CliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go install' | '@temporalio/testing download';

export interface ResolvedCli {
  path: string;
  source: CliSource;
}

export function cacheRoot(env = process.env): string {
  return env.SWITCHBOARD_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'switchboard');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function goInstall(binDir: string, log: (line: string) => void): Promise<string | undefined> {
  const go = onPath('go');
  if (!go) return undefined;
  mkdirSync(binDir, { recursive: true });
  log(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install (first run only, a few minutes)`);
  try {
    await run(go, ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    log(`go install failed: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const built = join(binDir, 'temporal');
  return isExecutable(built) ? built : undefined;
}

/** Needs internet: the SDK's test package downloads the CLI from Temporal's CDN into our cache. */
async function sdkDownload(downloadDir: string, log: (line: string) => void): Promise<string | undefined> {
  log('downloading the Temporal CLI through @temporalio/testing');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  mkdirSync(downloadDir, { recursive: true });
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download', downloadDir } },
    });
    await env.teardown();
  } catch (error) {
    log(`download failed: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const found = readdirSync(downloadDir).find((name) => name.startsWith('temporal'));
  return found && isExecutable(join(downloadDir, found)) ? join(downloadDir, found) : undefined;
}

/** The lookup order is documented in the README; each step says which one won. */
export async function resolveTemporalCli(log: (line: string) => void = () => {}): Promise<ResolvedCli> {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file`);
    return { path: explicit, source: 'TEMPORAL_CLI_PATH' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };

  const binDir = join(cacheRoot(), 'temporal-cli', TEMPORAL_CLI_VERSION);
  const cached = join(binDir, 'temporal');
  if (existsSync(cached) && isExecutable(cached)) return { path: cached, source: 'cache' };

  const built = await goInstall(binDir, log);
  if (built) return { path: built, source: 'go install' };

  const downloaded = await sdkDownload(join(cacheRoot(), 'temporal-cli', 'sdk-download'), log);
  if (downloaded) return { path: downloaded, source: '@temporalio/testing download' };

  throw new Error(
    'No Temporal CLI: set TEMPORAL_CLI_PATH, put `temporal` on PATH, install Go for `go install`, or allow the SDK download.',
  );
}
