import { dataEvidence, breachDoubt } from '../../../domain/compliance/evidence';
import { datesIn, reportDatesInText } from '../../../domain/compliance/report-dates';
import { extractIncidentOffline } from '../../../activities/model/offline/extract-incident';

const record = (description: string) => ({
  incident: {
    id: 'INC-X',
    openedAt: '2025-03-04T01:00:00Z',
    description,
    incidentType: null,
    customersAffected: null,
    notifications: [],
  },
});

describe('dates and counts as people write them', () => {
  it('reads ISO, "3 March 2025" and the Australian day-first 03/03/2025, and skips impossible days', () => {
    expect(datesIn('on 2025-03-03, 3 March 2025, March 4, 2025, 05/03/2025 and 31/02/2025').map((d) => d.iso)).toEqual([
      '2025-03-03',
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
    ]);
  });

  it('takes only the dates the regulator was told on', () => {
    expect(reportDatesInText('Opened 1 March 2025. Reported to ACMA on 09/03/2025.')).toEqual(['2025-03-09']);
    expect(reportDatesInText('Noticed 2025-03-01; not yet reported to ACMA.')).toEqual([]);
  });

  it('reads number words, hedges and ranges', () => {
    const count = (t: string) => extractIncidentOffline(record(t)).customersAffected;
    expect(count('Names of forty-seven customers were emailed to the wrong supplier.')).toBe(47);
    expect(count('Records of up to 9,800 subscribers were copied.')).toBe(9800);
    expect(count('Between 600 and 700 customers had their details leaked.')).toBe(700);
    expect(count('approx. 2,300 customers were exposed.')).toBe(2300);
  });

  it('groups breach indicators by meaning, and a denial is positive evidence only without doubt', () => {
    expect(dataEvidence('A laptop with customer profiles was stolen.').affirmed).toBe(true);
    expect(breachDoubt('Patched CVE-2025-1; no customer data exposed.')).toBeNull();
    expect(breachDoubt('Patched CVE-2025-1; customer data may have been exposed.')).toMatch(/reviewer/);
    expect(breachDoubt('Names were copied by an intruder; no card data was exposed.')).toMatch(/describes/);
  });
});
