import type { CpuSpent } from './cpu-meter';
import type { PlainRunResult } from './plain-run';
import { targets, type Figure } from './targets';
import type { TicketRunResult } from './tickets';

const load = (run: { count: number; concurrency: number }) => `${run.count} tickets, ${run.concurrency} in flight`;

/** Plain awaits beside the workflow: the same tickets, concurrency, engine and PostgreSQL, in one bench run. */
export function durabilityFigures(temporal: TicketRunResult, plain: PlainRunResult): Figure[] {
  const section = 'durability, offline engine';
  const ratio = plain.perSecond > 0 ? temporal.perSecond / plain.perSecond : null;
  return [
    { section, name: 'tickets/s, plain awaits', value: plain.perSecond, unit: '/s', note: load(plain) },
    {
      section,
      name: 'tickets/s, Temporal',
      value: temporal.perSecond,
      unit: '/s',
      note: load(temporal),
      target: targets.offlineTicketsPerSecond,
    },
    { section, name: 'durability ratio (Temporal ÷ plain)', value: ratio, unit: '', target: targets.durabilityRatio },
    { section, name: 'end-to-end p50, plain', value: plain.endToEndMs.p50, unit: 'ms' },
    { section, name: 'end-to-end p95, plain', value: plain.endToEndMs.p95, unit: 'ms' },
    { section, name: 'end-to-end p50, Temporal', value: temporal.endToEndMs.p50, unit: 'ms' },
    { section, name: 'end-to-end p95, Temporal', value: temporal.endToEndMs.p95, unit: 'ms' },
    ...failed(section, 'plain', plain.failures.length),
    ...failed(section, 'Temporal', temporal.failures.length),
  ];
}

const failed = (section: string, who: string, count: number): Figure[] =>
  count ? [{ section, name: `failed tickets, ${who}`, value: count, unit: '' }] : [];

/** CPU each process spent per ticket over the measured window (utime+stime from /proc), beside the plain run's. */
export function cpuFigures(temporal: TicketRunResult, plain: PlainRunResult): Figure[] {
  const section = 'CPU per ticket';
  const total = (spent: CpuSpent) => {
    const values = Object.values(spent);
    return values.some((v) => v === null) ? null : values.reduce((sum: number, v) => sum + v!, 0);
  };
  const t = temporal.cpuMsPerTicket;
  const p = plain.cpuMsPerTicket;
  return [
    { section, name: 'Temporal server', value: t.temporalServer ?? null, unit: 'ms', note: 'workflow run' },
    { section, name: 'worker', value: t.worker ?? null, unit: 'ms', note: 'workflow run' },
    { section, name: 'PostgreSQL', value: t.postgres ?? null, unit: 'ms', note: 'workflow run' },
    { section, name: 'all three', value: total(t), unit: 'ms', note: 'workflow run' },
    { section, name: 'pipeline process', value: p.pipeline ?? null, unit: 'ms', note: 'plain run' },
    { section, name: 'PostgreSQL', value: p.postgres ?? null, unit: 'ms', note: 'plain run' },
    { section, name: 'both', value: total(p), unit: 'ms', note: 'plain run' },
  ];
}

/** Events, workflow tasks and activities per ticket, by route, from the run's histories. */
export function routeCostFigures(run: TicketRunResult): Figure[] {
  return Object.entries(run.costsByRoute).flatMap(([route, cost]) => {
    const section = `per ticket, ${route === 'all' ? 'all routes' : `route ${route}`}`;
    const note = `${cost.tickets} histories`;
    return [
      { section, name: 'history events', value: cost.events, unit: '', note },
      { section, name: 'workflow tasks', value: cost.workflowTasks, unit: '' },
      { section, name: 'activities', value: cost.activities, unit: '' },
      { section, name: 'local activities', value: cost.localActivities, unit: '' },
    ];
  });
}

/** One ticket at a time: latency with no queueing, and what orchestration adds to the activities' own time. */
export function aloneFigures(temporal: TicketRunResult, plain: PlainRunResult): Figure[] {
  const section = 'one ticket alone';
  const note = `${temporal.count} sequential tickets`;
  return [
    { section, name: 'end-to-end p50, Temporal', value: temporal.endToEndMs.p50, unit: 'ms', note },
    { section, name: 'end-to-end p95, Temporal', value: temporal.endToEndMs.p95, unit: 'ms' },
    { section, name: 'overhead p50', value: temporal.overheadMs.p50, unit: 'ms', target: targets.overheadP50Ms },
    { section, name: 'overhead p95', value: temporal.overheadMs.p95, unit: 'ms', target: targets.overheadP95Ms },
    { section, name: 'end-to-end p50, plain', value: plain.endToEndMs.p50, unit: 'ms', note: `${plain.count} tickets` },
    { section, name: 'end-to-end p95, plain', value: plain.endToEndMs.p95, unit: 'ms' },
  ];
}
