import { crossCheck } from '../../domain/compliance/cross-check';
import type { IncidentFacts } from '../../domain/compliance/facts';
import {
  assessBreach,
  monthPeriod,
  previousMonth,
  renderCsv,
  renderSummary,
  verdictOf,
} from '../../workflows/compliance/rules';

const breach = (over: Partial<IncidentFacts>): IncidentFacts => ({
  incidentId: 'INC-1',
  date: '2025-01-15',
  type: 'data_breach',
  customersAffected: 100,
  dateReported: null,
  ...over,
});

describe('ACMA rules', () => {
  it("reproduces 000's worked example exactly", () => {
    const asOf = '2025-03-01';
    const breaches = [
      breach({ incidentId: 'INC-2025-003', date: '2025-02-01', customersAffected: 1200, dateReported: '2025-02-10' }),
      breach({ incidentId: 'INC-2025-001', date: '2025-01-15', customersAffected: 500, dateReported: '2025-01-18' }),
    ].map((b) => assessBreach(b, asOf));
    expect(renderCsv(breaches)).toBe(
      'incident_id,date,type,customers_affected,date_reported,days_to_report\n' +
        'INC-2025-001,2025-01-15,data_breach,500,2025-01-18,3\n' +
        'INC-2025-003,2025-02-01,data_breach,1200,2025-02-10,9\n',
    );
    const summary = renderSummary(breaches, { start: '2025-01-01', end: '2025-02-28' });
    expect(summary).toMatch(/^2 data breaches .* affecting 1,700 customers total\./);
    expect(summary).toMatch(/Both reported within the 30-day requirement \(3 and 9 days\)/);
    expect(summary).toMatch(/Compliance: PASS\.$/);
  });

  it('counts day 30 as within and day 31 as late', () => {
    const day30 = assessBreach(breach({ date: '2025-01-01', dateReported: '2025-01-31' }), '2025-03-01');
    const day31 = assessBreach(breach({ date: '2025-01-01', dateReported: '2025-02-01' }), '2025-03-01');
    expect([day30.daysToReport, day30.status]).toEqual([30, 'within']);
    expect([day31.daysToReport, day31.status]).toEqual([31, 'late']);
    expect(verdictOf([day30])).toBe('PASS');
    expect(verdictOf([day30, day31])).toBe('FAIL');
  });

  it('marks an unreported breach PENDING with its due date until it is overdue', () => {
    const young = assessBreach(breach({ date: '2025-03-01' }), '2025-03-11');
    expect(young).toMatchObject({ status: 'pending', dueDate: '2025-03-31', daysToReport: null });
    expect(verdictOf([young])).toBe('PENDING');
    expect(renderSummary([young], monthPeriod('2025-03'))).toMatch(/due by 2025-03-31/);
    expect(assessBreach(breach({ date: '2025-01-01' }), '2025-02-01').status).toBe('overdue');
  });

  it('reports the previous calendar month, across a year boundary', () => {
    expect(previousMonth('2026-01-01')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(previousMonth('2024-03-01')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });
});

describe('cross-check against the source record', () => {
  const source = {
    id: 'INC-1',
    localDate: '2025-01-15',
    description: 'Customer records for 1,200 customers exposed through a misconfigured bucket.',
    incidentType: null,
    customersAffected: null,
    reportedOn: ['2025-01-20'],
  };
  it('accepts facts that appear in the record', () => {
    expect(crossCheck(breach({ customersAffected: 1200, dateReported: '2025-01-20' }), source)).toEqual([]);
  });
  it('flags a customer count the record does not contain, and a made-up report date', () => {
    const problems = crossCheck(breach({ customersAffected: 12000, dateReported: '2025-01-19' }), source);
    expect(problems.map((p) => p.field)).toEqual(['customersAffected', 'dateReported']);
  });
  it('flags a date that is not the local date the record was opened', () => {
    expect(
      crossCheck(breach({ date: '2025-01-14', customersAffected: 1200, dateReported: '2025-01-20' }), source),
    ).toHaveLength(1);
  });
});
