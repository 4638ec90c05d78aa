import { distribution, percentile, ratePerSecond, spreadSample, workflowTiming } from '../../../bench/stats';

describe('percentile (nearest rank)', () => {
  it('picks the sample at or above the rank', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 100)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('has no value for no samples, and the only value for one', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([42], 95)).toBe(42);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('summarises a distribution', () => {
    expect(distribution([1, 2, 3, 4])).toEqual({ n: 4, p50: 2, p95: 4, max: 4 });
    expect(distribution([])).toEqual({ n: 0, p50: null, p95: null, max: null });
  });
});

describe('orchestration overhead', () => {
  const span = (startedMs: number, closedMs: number) => ({
    activityType: 'a',
    scheduledMs: startedMs - 5,
    startedMs,
    closedMs,
  });

  it('is end to end minus the time activities ran', () => {
    const timing = workflowTiming(1_000, 1_200, [span(1_010, 1_060), span(1_100, 1_150)]);
    expect(timing).toEqual({ endToEndMs: 200, activityMs: 100, overheadMs: 100, activities: 2 });
  });

  it('counts overlapping activities once, so overhead never goes below zero', () => {
    const timing = workflowTiming(0, 100, [span(0, 80), span(20, 100)]);
    expect(timing.activityMs).toBe(100);
    expect(timing.overheadMs).toBe(0);
  });

  it('counts queue time (scheduled to started) as overhead, not activity time', () => {
    expect(workflowTiming(0, 100, [span(50, 60)]).overheadMs).toBe(90);
  });

  it('is all overhead for a workflow with no activities', () => {
    expect(workflowTiming(10, 30, [])).toEqual({ endToEndMs: 20, activityMs: 0, overheadMs: 20, activities: 0 });
  });
});

describe('rates and samples', () => {
  it('turns a count over a wall-clock span into a rate per second', () => {
    expect(ratePerSecond(500, 10_000)).toBe(50);
    expect(ratePerSecond(5, 0)).toBe(0);
  });

  it('spreads a sample evenly over the run', () => {
    expect(spreadSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});
