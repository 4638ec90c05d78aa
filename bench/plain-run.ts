import { ticketPolicyFromConfig } from '../client';
import { demoTickets } from '../domain/seed-examples';
import type { BenchContext } from './context';
import { perTicket, startCpuMeter, type CpuSpent } from './cpu-meter';
import { benchKeys } from './decision-keys';
import { createPlainActivities } from './plain-activities';
import { resolveTicketPlainly } from './plain-pipeline';
import { runFigures, type RunFigures, type RunShape } from './run-shape';
import { locateStackProcesses } from './stack-processes';
import { mapLimit } from './stats';

export type PlainRunOptions = RunShape;

export interface PlainRunResult extends RunFigures {
  /** CPU ms per ticket: `pipeline` is this process, which ran every activity; `postgres` the database's processes. */
  cpuMsPerTicket: CpuSpent;
}

const WARM_UP = 16;

/**
 * The workflow bench's tickets through the plain pipeline, in this process: the same demo tickets in the same order,
 * at the same concurrency, against the same PostgreSQL. The yardstick the durability ratio divides by.
 */
export async function runPlainBench(ctx: BenchContext, options: PlainRunOptions): Promise<PlainRunResult> {
  const { activities, close } = createPlainActivities(ctx.config);
  const policy = ticketPolicyFromConfig(ctx.config);
  const agentKey = await benchKeys(ctx, 'agent')('bench-agent');
  const drive = async (prefix: string, count: number, concurrency: number) => {
    const routes: Record<string, number> = {};
    const failures: string[] = [];
    const endToEnd: number[] = [];
    const started = Date.now();
    await mapLimit(
      Array.from({ length: count }, (_, i) => i),
      concurrency,
      async (i) => {
        const demo = demoTickets[i % demoTickets.length]!;
        const ticket = { ...demo.ticket, ticketId: `${prefix}-${i}` };
        const from = performance.now();
        try {
          const route = await resolveTicketPlainly(activities, policy, { ...demo, ticket }, agentKey);
          endToEnd.push(performance.now() - from);
          routes[route] = (routes[route] ?? 0) + 1;
        } catch (error) {
          failures.push(`${ticket.ticketId}: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    );
    return { routes, failures, endToEnd, wallMs: Date.now() - started };
  };
  try {
    await drive(`PW-${ctx.runId}-${options.label}`, WARM_UP, Math.min(8, options.concurrency));
    ctx.log(`plain ${options.label}: ${options.count} at ${options.concurrency} in flight`);
    const { postgres } = locateStackProcesses(ctx.supervisorPid);
    const meter = startCpuMeter({ postgres }, 'pipeline');
    const load = await drive(`P-${ctx.runId}-${options.label}`, options.count, options.concurrency);
    const cpu = meter.stop();
    return {
      ...runFigures(options, load, load.endToEnd),
      cpuMsPerTicket: perTicket(cpu, options.count),
    };
  } finally {
    await close();
  }
}
