import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DefaultLogger } from '@temporalio/worker';
import { bundleWorkflows } from '../workers/workflow-bundle';
import { connectClient } from '../client';
import { loadConfigOrExit } from '../config';
import { startStack, type Profile, type RunningStack } from '../tooling/stack';
import type { BenchContext } from './context';
import { parseBenchOptions } from './options';
import { runPhases } from './phases';
import { describeMachine } from './machine';
import { stackSupervisorPid } from './stack-processes';
import { renderTable, targetSummary } from './table';

async function main(): Promise<void> {
  const opts = await parseBenchOptions(process.argv.slice(2));
  const { size, only } = opts;
  const log = (line: string) => console.error(`[bench] ${line}`);

  // With no stack in the environment, a throwaway one of our own (fresh PostgreSQL, in-memory Temporal).
  let stack: RunningStack | null = null;
  if (!process.env.TEMPORAL_ADDRESS || !process.env.DATABASE_URL) {
    stack = await startStack(opts.stackProfile as Profile, (line) => log(`stack: ${line}`));
  }
  const stackEnv: Record<string, string> = stack
    ? {
        TEMPORAL_ADDRESS: stack.info.temporalAddress,
        DATABASE_URL: stack.info.databaseUrl,
        PAYLOAD_CODEC_KEYS: stack.info.codecKeys,
        AUDIT_CHAIN_KEYS: stack.info.auditChainKeys,
      }
    : Object.fromEntries(
        ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'PAYLOAD_CODEC_KEYS', 'AUDIT_CHAIN_KEYS'].flatMap((k) =>
          process.env[k] ? [[k, process.env[k]!]] : [],
        ),
      );
  const config = loadConfigOrExit({ ...process.env, ...stackEnv });
  const startedAt = new Date();
  // The pid too: two runs started in the same second against one stack must not share ticket ids.
  const runId = `${startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}p${process.pid}`;
  const outDir = resolve('reports', 'bench');
  mkdirSync(outDir, { recursive: true });
  const connection = await connectClient(config);
  let builtBundle: string | null = null;
  try {
    // Built once and shared by every worker process, so none of them pays for bundling at start-up.
    let workflowBundlePath = config.WORKFLOW_BUNDLE_PATH;
    if (!workflowBundlePath) {
      log('bundling workflows');
      const code = await bundleWorkflows(new DefaultLogger('WARN'));
      workflowBundlePath = builtBundle = join(tmpdir(), `switchboard-bench-bundle-${runId}.js`);
      writeFileSync(workflowBundlePath, code);
    }
    const ctx: BenchContext = {
      config,
      client: connection.client,
      size,
      runId,
      outDir,
      stackEnv,
      workflowBundlePath,
      supervisorPid: stackSupervisorPid(stack !== null, opts.stackProfile as Profile, config.TEMPORAL_ADDRESS),
      log,
    };
    const machine = await describeMachine(config);
    log(`machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.ramGb} GB, load ${machine.loadAverage?.toFixed(2)}`);
    const { results, figures, tuning } = await runPhases(ctx, only, opts);
    const summary = targetSummary(figures);
    const report = {
      runId,
      startedAt,
      finishedAt: new Date(),
      options: opts,
      machine,
      tuning,
      results,
      figures,
      summary,
    };
    const out = resolve(opts.out ?? join(outDir, `bench-${runId}.json`));
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(renderTable(figures));
    console.log(
      `\ntargets: ${summary.meets} met, ${summary.misses} missed${summary.unmeasured ? `, ${summary.unmeasured} not measured` : ''}` +
        ` | ${machine.cpus} x ${machine.cpuModel}, ${machine.ramGb} GB RAM, Node ${machine.node}, load ${machine.loadAverage?.toFixed(2)}` +
        `\nreport: ${out}`,
    );
  } finally {
    if (builtBundle) rmSync(builtBundle, { force: true });
    await connection.close();
    await stack?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
