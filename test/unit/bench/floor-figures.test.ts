import { floorFigures, type FloorRun } from '../../../bench/floor';

const run = (shape: FloorRun['shape'], server: number | null): FloorRun => ({
  shape,
  count: 100,
  concurrency: 100,
  perSecond: 53.7,
  cpuPerWorkflowMs: { temporalServer: server, worker: 7.5 },
  aloneMs: { n: 30, p50: 13.5, p95: 19.7, max: 22 },
});

describe('the floor figures', () => {
  it('gives each shape its throughput, CPU per process and latency alone, with no target of its own', () => {
    const figures = floorFigures([run('floorEmpty', 11.2), run('floorThreeActivities', null)]);
    expect(figures.filter((f) => f.section === 'floor: floorEmpty (no work)').map((f) => [f.name, f.value])).toEqual([
      ['workflows/s', 53.7],
      ['CPU per workflow: Temporal server', 11.2],
      ['CPU per workflow: worker', 7.5],
      ['alone p50 (start to result)', 13.5],
      ['alone p95 (start to result)', 19.7],
    ]);
    // A server the bench could not see is unknown, not zero.
    expect(figures.find((f) => f.section.includes('ThreeActivities') && f.name.includes('server'))?.value).toBeNull();
    expect(figures.every((f) => f.target === undefined)).toBe(true);
  });
});
