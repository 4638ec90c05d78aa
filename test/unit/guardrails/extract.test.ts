import * as extract from '../../../activities/guardrails/extract';

describe('extractAmounts', () => {
  it('normalises the ways a reply writes money', () => {
    const found = extract.extractAmounts('$45, $45.00, 45 dollars, 45.00 and AUD 45 are one charge; $1,234.50 is not');
    expect(found.map((a) => a.value)).toEqual([45, 45, 45, 45, 45, 1234.5]);
  });

  it('keeps the unit of a rate and reads cents', () => {
    expect(extract.extractAmounts('charged at $0.09/MB or 9 cents per MB')).toEqual([
      expect.objectContaining({ text: '$0.09/MB', value: 0.09, per: 'MB' }),
      expect.objectContaining({ value: 0.09, per: 'MB' }),
    ]);
  });

  it('does not read dates, allowances or percentages as money', () => {
    expect(extract.extractAmounts('On 2025-01-15 you used 1.50 GB, 12.50% of it abroad')).toEqual([]);
  });
});

describe('extractDates', () => {
  it.each([
    ['on 2025-01-15', { year: 2025, month: 1, day: 15 }],
    ['on 15 January', { month: 1, day: 15 }],
    ['on January 15th', { month: 1, day: 15 }],
    ['on 15/01/2025', { year: 2025, month: 1, day: 15 }],
    ['by Jan 22nd, 2025', { year: 2025, month: 1, day: 22 }],
    ['on the 3rd of March 2024', { year: 2024, month: 3, day: 3 }],
  ])('reads %s', (text, date) => {
    expect(extract.extractDates(text)).toEqual([expect.objectContaining(date)]);
  });

  it('ignores impossible dates and bare months', () => {
    expect(extract.extractDates('on 45/13/2025, sometime in January, you may 2 times')).toEqual([]);
  });
});

describe('extractAllowances', () => {
  it('converts to MB and skips speeds and rates', () => {
    const found = extract.extractAllowances('200 MB, 40GB and 1.5 GB, at 100 Mbps, for $0.09/MB');
    expect(found.map((a) => a.mb)).toEqual([200, 40_000, 1500]);
  });
});

describe('extractPercents', () => {
  it('reads symbols, words and half price', () => {
    expect(extract.extractPercents('50% off, 10 percent, 12.5 per cent or half price').map((p) => p.value)).toEqual([
      50, 10, 12.5, 50,
    ]);
  });
});

describe('extractTimeframes', () => {
  it('reads ranges, single counts, hours and weeks', () => {
    const found = extract.extractTimeframes('5–7 business days, 3 to 5 days, 48 hours, 2 weeks');
    expect(found.map(({ low, high, unit }) => [low, high, unit])).toEqual([
      [5, 7, 'day'],
      [3, 5, 'day'],
      [48, 48, 'hour'],
      [14, 14, 'day'],
    ]);
  });
});

describe('helpers', () => {
  it('compares money to the cent and data in either GB convention', () => {
    expect(extract.sameAmount(500 * 0.09, 45)).toBe(true);
    expect(extract.sameAmount(45.01, 45)).toBe(false);
    expect(extract.sameMb(2048, 2000)).toBe(true);
    expect(extract.sameMb(300, 500)).toBe(false);
  });

  it('adds calendar and business days', () => {
    expect(extract.addDays({ year: 2025, month: 1, day: 15 }, 7)).toEqual({ year: 2025, month: 1, day: 22 });
    expect(extract.addDays({ year: 2025, month: 1, day: 15 }, 7, true)).toEqual({ year: 2025, month: 1, day: 24 });
  });

  it('splits sentences without breaking decimals', () => {
    expect(extract.splitSentences('It was $0.09/MB. That is $45! Fine?').map((s) => s.text.trim())).toEqual([
      'It was $0.09/MB.',
      'That is $45!',
      'Fine?',
    ]);
  });
});
