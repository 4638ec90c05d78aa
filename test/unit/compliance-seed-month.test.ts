import { buildComplianceSeed, seededReportMonth } from '../../db/seed/compliance';
import { addDays } from '../../db/seed/calendar';

/** Every day of a year, including the first days of a month, when a day-30 report may not be due yet. */
const everyDay = Array.from({ length: 366 }, (_, i) => addDays('2027-01-01', i));

describe('the seeded ACMA month', () => {
  it('is the previous month from the 6th on, and the month before it from the 1st to the 5th', () => {
    expect(seededReportMonth('2026-12-06')).toBe('2026-11-01');
    expect(seededReportMonth('2026-12-05')).toBe('2026-10-01');
    expect(seededReportMonth('2026-12-01')).toBe('2026-10-01');
    expect(seededReportMonth('2027-01-03')).toBe('2026-11-01');
    expect(seededReportMonth('2026-03-31')).toBe('2026-02-01');
  });

  it('has the day-30 and day-31 reports already sent, and nothing dated ahead, on every day of a year', () => {
    for (const referenceDate of everyDay) {
      const year = seededReportMonth(referenceDate).slice(0, 4);
      const { notifications } = buildComplianceSeed(referenceDate);
      const sent = notifications.map((row) => row.incidentId);
      expect({ referenceDate, sent: [102, 103, 129].map((n) => sent.includes(`INC-${year}-${n}`)) }).toEqual({
        referenceDate,
        sent: [true, true, true],
      });
      expect(notifications.filter((row) => row.reportedOn > referenceDate)).toEqual([]);
    }
  });
});
