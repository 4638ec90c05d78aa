import { renderTable, targetSummary } from '../../../bench/table';
import { targets, verdict, type Figure } from '../../../bench/targets';

describe('target verdicts', () => {
  it('passes a throughput at or above its floor and misses one below', () => {
    expect(verdict({ value: 50, target: targets.offlineTicketsPerSecond })).toBe('PASS');
    expect(verdict({ value: 49.9, target: targets.offlineTicketsPerSecond })).toBe('MISS');
  });

  it('passes a latency or memory figure at or below its ceiling and misses one above', () => {
    expect(verdict({ value: 25, target: targets.overheadP50Ms })).toBe('PASS');
    expect(verdict({ value: 61, target: targets.overheadP95Ms })).toBe('MISS');
    expect(verdict({ value: 399, target: targets.workerRssMb })).toBe('PASS');
  });

  it('says n/a for a targeted figure that was not measured, and nothing for an untargeted one', () => {
    expect(verdict({ value: null, target: targets.workerRssMb })).toBe('n/a');
    expect(verdict({ value: Number.NaN, target: targets.workerRssMb })).toBe('n/a');
    expect(verdict({ value: 12 })).toBe('');
  });
});

describe('the table', () => {
  const figures: Figure[] = [
    { section: 'tickets', name: 'workflows/s', value: 61.234, unit: '/s', target: targets.offlineTicketsPerSecond },
    { section: 'tickets', name: 'overhead p95', value: 75, unit: 'ms', target: targets.overheadP95Ms, note: 'loaded' },
    { section: 'memory', name: 'per open workflow', value: 1234.5, unit: 'KB' },
    { section: 'memory', name: 'worker RSS', value: null, unit: 'MB', target: targets.workerRssMb },
  ];

  it('prints each figure with its target and verdict', () => {
    const lines = renderTable(figures).split('\n');
    expect(lines[0]).toMatch(/^Section\s+Figure\s+Value\s+Unit\s+Target\s+Result$/);
    expect(lines[2]).toMatch(/workflows\/s\s+61\.2\s+\/s\s+>= 50\s+PASS$/);
    expect(lines[3]).toMatch(/overhead p95 \(loaded\)\s+75\.0\s+ms\s+<= 60\s+MISS$/);
    expect(lines[4]).toMatch(/per open workflow\s+1,235\s+KB$/);
    expect(lines[5]).toMatch(/worker RSS\s+–\s+MB\s+<= 400\s+n\/a$/);
  });

  it('counts passes, misses and unmeasured targets', () => {
    expect(targetSummary(figures)).toEqual({ pass: 1, miss: 1, unmeasured: 1 });
  });
});
