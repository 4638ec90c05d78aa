import {
  accuracy,
  confusion,
  histogram,
  latencySummary,
  perLabel,
  percentile,
  topConfusions,
} from '../../../eval/metrics';

const pairs = [
  { actual: 'a', predicted: 'a' },
  { actual: 'a', predicted: 'b' },
  { actual: 'b', predicted: 'b' },
  { actual: 'c', predicted: 'b' },
];

describe('eval metrics', () => {
  it('scores accuracy and leaves an empty set unmeasured rather than 0%', () => {
    expect(accuracy(pairs)).toBe(0.5);
    expect(accuracy([])).toBeNull();
  });

  it('builds a confusion matrix indexed [actual][predicted]', () => {
    expect(confusion(pairs)).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [1, 1, 0],
        [0, 1, 0],
        [0, 1, 0],
      ],
    });
    expect(confusion(pairs, ['c', 'b', 'a']).matrix[0]).toEqual([0, 1, 0]);
  });

  it('gives precision and recall per label, null where the label was never predicted', () => {
    const scores = perLabel(pairs);
    expect(scores.find((s) => s.label === 'b')).toMatchObject({
      support: 1,
      predicted: 3,
      precision: 1 / 3,
      recall: 1,
    });
    expect(scores.find((s) => s.label === 'c')).toMatchObject({ precision: null, recall: 0 });
  });

  it('lists the most frequent mistakes first', () => {
    expect(topConfusions([...pairs, { actual: 'c', predicted: 'b' }])[0]).toEqual({
      actual: 'c',
      predicted: 'b',
      count: 2,
    });
  });

  it('interpolates percentiles between ranks', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5.5);
    expect(percentile(values, 95)).toBeCloseTo(9.55);
    expect(percentile(values, 99)).toBeCloseTo(9.91);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile(values, 101)).toThrow();
    expect(latencySummary([3, 1, 2])).toMatchObject({ n: 3, p50: 2, mean: 2, max: 3 });
  });

  it('puts every value in a histogram bin, the maximum included', () => {
    const bins = histogram([0, 1, 5, 10], 2);
    expect(bins.map((b) => b.count)).toEqual([2, 2]);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(4);
  });
});
