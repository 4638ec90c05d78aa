import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { roles, type Role } from '../../../security/api-keys';
import { cacheRoot } from '../../../tooling/stack/temporal-cli';
import { apiTestBed, type ApiTestBed } from './support';

/**
 * schemathesis, an OpenAPI fuzzer nobody here wrote, against the live API with a key for each role. The project's
 * own fuzzer (test/resilience/api-fuzz.test.ts) generates only shapes it expects; this one reads the document and
 * sends what it allows and what it forbids, so it finds what the document and the server disagree on.
 * `make tools` installs it (scripts/stack/install-schemathesis.sh); the version is read from there.
 */
const installer = join(__dirname, '../../../scripts/stack/install-schemathesis.sh');
const version = /^version=(\S+)$/m.exec(readFileSync(installer, 'utf8'))![1]!;
const st = join(cacheRoot(), 'schemathesis', version, 'bin', 'st');

/** Reduced size: the whole test stays well under two minutes. SCHEMATHESIS_EXAMPLES raises it for a deeper run. */
const maxExamples = process.env.SCHEMATHESIS_EXAMPLES ?? '5';
const checks = ['not_a_server_error', 'status_code_conformance', 'unsupported_method', 'allow_header_conformance'];

interface Run {
  role: Role;
  code: number | null;
  output: string;
}

/**
 * An operation that waits for a worker (a query, an update) documents 503 worker_unavailable: on two cores shared
 * with five fuzzers and the rest of the suite, a worker can miss the five-second deadline, and saying so is the
 * documented answer, not a server error. schemathesis allows that one status on those operations only (its own
 * per-operation setting); a workflow that cannot run, which a query would also meet as a 503, is caught below by
 * its history instead.
 */
async function allowDocumentedWorkerDeadlines(bed: ApiTestBed): Promise<string> {
  type Operation = { responses?: Record<string, { description?: string }> };
  const document = (await (await fetch(`${bed.baseUrl}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const waiting = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) =>
        /^No worker .* in time; retry later$/.test(operation.responses?.['503']?.description ?? ''),
      )
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
  const toml = waiting
    .map(
      (name) =>
        `[[operations]]\ninclude-name = ${JSON.stringify(name)}\n` +
        'checks.not_a_server_error.expected-statuses = ["2xx", "3xx", "4xx", "503"]\n',
    )
    .join('\n');
  const file = join(mkdtempSync(join(tmpdir(), 'schemathesis-')), 'schemathesis.toml');
  writeFileSync(file, toml);
  return file;
}

function fuzz(bed: ApiTestBed, role: Role, configFile: string): Promise<Run> {
  const args = [
    `--config-file=${configFile}`,
    'run',
    `${bed.baseUrl}/openapi.json`,
    `--header=Authorization: Bearer ${bed.keys[role]}`,
    `--checks=${checks.join(',')}`,
    `--max-examples=${maxExamples}`,
    // Fixed, so a failure in CI reproduces locally; change it to explore.
    `--seed=${process.env.SCHEMATHESIS_SEED ?? '17'}`,
    '--phases=examples,coverage,fuzzing',
    // One thread per run: hypothesis's source inspection is not thread-safe on Python 3.11 (an AST SystemError).
    '--workers=1',
    '--request-timeout=20',
    '--no-color',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(st, args, { env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_HOOKS: '' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ role, code, output }));
  });
}

/** A CI log keeps the head of a long message: the failing requests (schemathesis's FAILURES section) come first. */
function failuresFirst(output: string): string {
  const start = output.search(/^=+ FAILURES =+$/m);
  return start < 0 ? output : `${output.slice(start)}\n--- the whole run ---\n${output.slice(0, start)}`;
}

let bed: ApiTestBed;
beforeAll(async () => {
  // The fuzzer is fast; the limit would turn most of its requests into documented but uninformative 429s.
  // A clock in 2099: "today's" fraud sweep, which the fuzzer starts with an empty body, must not be the one the other
  // API tests start today (a second start is a 409).
  bed = await apiTestBed({
    env: { API_RATE_LIMIT_PER_MINUTE: '100000000' },
    now: () => new Date(Date.now() + (Date.UTC(2099, 0, 1) - Date.UTC(2026, 0, 1))),
  });
});
afterAll(async () => {
  if (!bed) return;
  // What the fuzzer started waits on this bed's task queue, which no worker polls once it closes: end it, so no
  // sweep, report run or ticket id stays taken for the rest of the suite.
  const query = `TaskQueue = '${bed.harness.config.TEMPORAL_TASK_QUEUE}' AND ExecutionStatus = 'Running'`;
  for await (const execution of bed.connection.client.workflow.list({ query })) {
    await bed.connection.client.workflow
      .getHandle(execution.workflowId, execution.runId)
      .terminate('schemathesis run over')
      .catch(() => undefined);
  }
  await bed.close();
});

describe(`schemathesis ${version} against /openapi.json`, () => {
  it('finds no server error, no undocumented status and no wrong answer to an undeclared method, for any role', async () => {
    if (!existsSync(st)) throw new Error(`schemathesis is not installed at ${st}: run make tools`);
    const configFile = await allowDocumentedWorkerDeadlines(bed);
    expect(readFileSync(configFile, 'utf8')).toContain('include-name = "GET /tickets/{id}"');
    const runs = await Promise.all(roles.map((role) => fuzz(bed, role, configFile)));
    const failed = runs
      .filter((run) => run.code !== 0)
      .map((run) => `--- as ${run.role} (exit ${run.code})\n${failuresFirst(run.output)}`);
    expect(failed.join('\n')).toBe('');
    // A run that tested nothing also exits 0: every role must have exercised every operation.
    for (const run of runs) expect([run.role, run.output]).toEqual([run.role, expect.stringMatching(/\d+ passed/)]);

    // Whatever the fuzzer started ran: no workflow task failed on its input, so no 503 it met hid a broken workflow.
    // The server fails a task itself when a signal arrives as the workflow closes (it schedules another): not ours.
    const { EventType, WorkflowTaskFailedCause } = temporal.api.enums.v1;
    const serverCauses = new Set([
      WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND,
      WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_RESET_STICKY_TASK_QUEUE,
    ]);
    const started: string[] = [];
    const failedTasks: string[] = [];
    const query = `TaskQueue = '${bed.harness.config.TEMPORAL_TASK_QUEUE}'`;
    for await (const execution of bed.connection.client.workflow.list({ query })) {
      started.push(execution.workflowId);
      const handle = bed.connection.client.workflow.getHandle(execution.workflowId, execution.runId);
      for (const event of (await handle.fetchHistory()).events ?? []) {
        if (event.eventType !== EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) continue;
        const { cause, failure } = event.workflowTaskFailedEventAttributes ?? {};
        if (cause && serverCauses.has(cause)) continue;
        failedTasks.push(
          `${execution.workflowId} (${execution.runId}): ${WorkflowTaskFailedCause[cause ?? 0]} ${failure?.message}`,
        );
      }
    }
    expect(started.length).toBeGreaterThan(0);
    expect(failedTasks).toEqual([]);
  }, 300_000);
});
