import type { FaultBenchResult } from './faults';
import type { FraudPhaseResult } from './fraud';
import type { MemoryBenchResult } from './memory';
import { targets, type Figure } from './targets';
import type { TicketRunResult } from './tickets';

/**
 * A loaded ticket run's figures. The offline run's throughput and end-to-end latency are in the durability section
 * beside the plain run's (bench/durability-figures.ts), so they are left out here. Overhead under load has no target:
 * the issue sets it for one ticket alone.
 */
export function ticketFigures(run: TicketRunResult, headline = true): Figure[] {
  const section = `tickets ${run.label}`;
  const note = `${run.count} tickets, ${run.concurrency} in flight`;
  return [
    ...(headline
      ? [
          { section, name: 'workflows/s', value: run.perSecond, unit: '/s', note },
          { section, name: 'end-to-end p50', value: run.endToEndMs.p50, unit: 'ms' },
          { section, name: 'end-to-end p95', value: run.endToEndMs.p95, unit: 'ms' },
        ]
      : []),
    { section, name: 'activity time p50', value: run.activityMs.p50, unit: 'ms', ...(headline ? {} : { note }) },
    { section, name: 'overhead p50', value: run.overheadMs.p50, unit: 'ms' },
    { section, name: 'overhead p95', value: run.overheadMs.p95, unit: 'ms' },
    { section, name: 'worker peak RSS', value: run.workerPeakRssMb, unit: 'MB' },
    ...(run.failures.length ? [{ section, name: 'failed tickets', value: run.failures.length, unit: '' }] : []),
  ];
}

export function faultFigures(run: FaultBenchResult): Figure[] {
  const section = 'faults';
  const note = `${run.samples} approvals`;
  return [
    { section, name: 'approval round trip p50', value: run.sentToExecutedMs.p50, unit: 'ms', note },
    { section, name: 'approval round trip p95', value: run.sentToExecutedMs.p95, unit: 'ms' },
    { section, name: 'signaled→executed p50 (server)', value: run.signaledToExecutedMs.p50, unit: 'ms' },
  ];
}

export function fraudFigures(run: FraudPhaseResult): Figure[] {
  const section = 'fraud';
  return [
    {
      section,
      name: 'detection',
      value: run.detectSeconds,
      unit: 's',
      note: `${run.accounts.toLocaleString('en-AU')} accounts, ${run.flaggedAccounts} flagged`,
    },
    { section, name: 'summaries/s (offline, in process)', value: run.summariesPerSecond, unit: '/s' },
  ];
}

export function memoryFigures(run: MemoryBenchResult): Figure[] {
  const section = run.cachedWorkflows === null ? 'memory, SDK default cache' : `memory, cache ${run.cachedWorkflows}`;
  return [
    { section, name: 'worker RSS idle', value: run.idleRssMb, unit: 'MB' },
    {
      section,
      name: 'worker RSS with open workflows',
      value: run.openRssMb,
      unit: 'MB',
      note: `${run.open} open`,
      // The target is stated at 1,000 open workflows; a smaller smoke run reports without a verdict.
      ...(run.open >= 1000 ? { target: targets.workerRssMb } : {}),
    },
    { section, name: 'per open workflow', value: run.perWorkflowKb, unit: 'KB' },
    { section, name: `resume ${run.open} parked reviews`, value: run.secondsToResume, unit: 's' },
  ];
}
