import { renderTable, targetSummary } from '../../../bench/table';
import { targets, verdict, type Figure } from '../../../bench/targets';

describe('target verdicts', () => {
  it('meets a throughput or ratio at or above its floor, and misses one below by the difference', () => {
    expect(verdict({ value: 50, target: targets.offlineTicketsPerSecond })).toEqual({ status: 'meets' });
    expect(verdict({ value: 17.5, target: targets.offlineTicketsPerSecond })).toEqual({ status: 'misses', gap: 32.5 });
    expect(verdict({ value: 0.33, target: targets.durabilityRatio })).toEqual({ status: 'meets' });
  });

  it('meets a latency or memory figure at or below its ceiling, and misses one above by the excess', () => {
    expect(verdict({ value: 25, target: targets.overheadP50Ms })).toEqual({ status: 'meets' });
    expect(verdict({ value: 61, target: targets.overheadP95Ms })).toEqual({ status: 'misses', gap: 1 });
    expect(verdict({ value: 399, target: targets.workerRssMb })).toEqual({ status: 'meets' });
  });

  it('says n/a for a targeted figure that was not measured, and nothing for an untargeted one', () => {
    expect(verdict({ value: null, target: targets.workerRssMb })).toEqual({ status: 'n/a' });
    expect(verdict({ value: Number.NaN, target: targets.workerRssMb })).toEqual({ status: 'n/a' });
    expect(verdict({ value: 12 })).toEqual({ status: '' });
  });
});

describe('the table', () => {
  const figures: Figure[] = [
    { section: 'tickets', name: 'workflows/s', value: 61.234, unit: '/s', target: targets.offlineTicketsPerSecond },
    { section: 'tickets', name: 'overhead p95', value: 75, unit: 'ms', target: targets.overheadP95Ms, note: 'loaded' },
    { section: 'memory', name: 'per open workflow', value: 1234.5, unit: 'KB' },
    { section: 'memory', name: 'worker RSS', value: null, unit: 'MB', target: targets.workerRssMb },
    { section: 'durability', name: 'ratio', value: 0.11, unit: '', target: targets.durabilityRatio },
  ];

  it('prints each figure with its target and verdict', () => {
    const lines = renderTable(figures).split('\n');
    expect(lines[0]).toMatch(/^Section\s+Figure\s+Value\s+Unit\s+Target\s+Result$/);
    expect(lines[2]).toMatch(/workflows\/s\s+61\.2\s+\/s\s+>= 50\s+meets$/);
    expect(lines[3]).toMatch(/overhead p95 \(loaded\)\s+75\.0\s+ms\s+<= 60\s+misses by 15\.0 ms$/);
    expect(lines[4]).toMatch(/per open workflow\s+1,235\s+KB$/);
    expect(lines[5]).toMatch(/worker RSS\s+–\s+MB\s+<= 400\s+n\/a$/);
    expect(lines[6]).toMatch(/ratio\s+0\.11\s+>= 0\.33\s+misses by 0\.22$/);
  });

  it('counts targets met, missed and not measured', () => {
    expect(targetSummary(figures)).toEqual({ meets: 1, misses: 2, unmeasured: 1 });
  });
});
