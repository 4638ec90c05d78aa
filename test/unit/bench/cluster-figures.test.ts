import { clusterFigures } from '../../../bench/cluster';
import type { TicketRunResult } from '../../../bench/tickets';

const spread = (p50: number, p95: number) => ({ n: 100, p50, p95, max: p95 });
const run = (label: string, perSecond: number, p50: number, p95: number, serverCpu: number | null): TicketRunResult =>
  ({
    label,
    count: 100,
    concurrency: 100,
    perSecond,
    endToEndMs: spread(p50, p95),
    cpuMsPerTicket: { temporalServer: serverCpu, worker: 60, postgres: null },
    failures: [],
  }) as unknown as TicketRunResult;

describe('the cluster column', () => {
  it('puts the cluster figures beside the dev server for throughput, end to end and server CPU', () => {
    const figures = clusterFigures(run('cluster', 7.8, 10_187, 12_223, 83.4), run('offline', 8.3, 10_042, 11_809, 59));
    expect(figures.map((f) => [f.name, f.value])).toEqual([
      ['tickets/s (dev server 8.3)', 7.8],
      ['end-to-end p50 (dev server 10042)', 10_187],
      ['end-to-end p95 (dev server 11809)', 12_223],
      ['server CPU per ticket (dev server 59)', 83.4],
    ]);
  });

  it('says a server CPU it could not read is unknown, and counts failed tickets', () => {
    const failing = { ...run('cluster', 1, 1, 1, null), failures: ['T-1: timed out'] };
    const figures = clusterFigures(failing, run('offline', 1, 1, 1, null));
    expect(figures.find((f) => f.name.startsWith('server CPU'))).toMatchObject({
      name: 'server CPU per ticket (dev server -)',
      value: null,
    });
    expect(figures.at(-1)).toMatchObject({ name: 'failed tickets', value: 1 });
  });
});
