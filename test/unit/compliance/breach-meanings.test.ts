import { dataEvidence } from '../../../domain/compliance/evidence';
import { reportDatesInText } from '../../../domain/compliance/report-dates';
import { customerCountInText } from '../../../activities/model/offline/incident-count';
import { nonBreachType } from '../../../activities/model/offline/incident-type';

/** The meaning groups and readers on phrasings of our own, apart from both hand-written sets. */
describe('breach wording grouped by meaning', () => {
  it('reads acquisition, public links, documents, possessives and takeovers as a breach', () => {
    for (const text of [
      'A caller acquired the subscriber records of 3 people.',
      'The member spreadsheet sat behind a public URL for a week.',
      'Invoices for 9 clients were posted to the wrong household.',
      "An installer left a resident's address with a neighbour: shown to the wrong person.",
      'Attackers took over 14 customer accounts.',
    ]) {
      expect(dataEvidence(text).affirmed).toBe(true);
    }
  });

  it('treats records lost to a fault and restored from a backup as unavailable, not taken, and a capability as doubt', () => {
    expect(dataEvidence('A disk fault lost an hour of call records; restored from the snapshot.').affirmed).toBe(false);
    expect(dataEvidence('A laptop with call records was lost; the backup was restored.').affirmed).toBe(true);
    const flaw = dataEvidence('The bug could allow an attacker to download customer records.');
    expect(flaw).toMatchObject({ affirmed: false, uncertain: true });
  });

  it('counts documents, thousands written "k", labelled counts and a single customer', () => {
    expect(customerCountInText('The printer posted 40 invoices with the wrong names.')).toBe(40);
    expect(customerCountInText('About 2.5k subscribers were in the file.')).toBe(2500);
    expect(customerCountInText('Subscribers affected: 77.')).toBe(77);
    expect(customerCountInText("A subscriber's address was sent to someone else.")).toBe(1);
    expect(customerCountInText('The list had 300 rows covering 120 customers.')).toBe(120);
  });

  it('reads report dates after the date, "until", and not a due date', () => {
    expect(reportDatesInText('On 6 May 2026 we told the regulator.')).toEqual(['2026-05-06']);
    expect(reportDatesInText('The ACMA was not notified until 20/05/2026.')).toEqual(['2026-05-20']);
    expect(reportDatesInText('Notice to the ACMA is due by 1 June 2026.')).toEqual([]);
    expect(reportDatesInText('We informed the ACMA 3 days later.', '2026-05-02')).toEqual(['2026-05-05']);
  });

  it('lets a stated effect on the service, not its cause, make an outage', () => {
    expect(nonBreachType('A bad hotfix left the SMS service unavailable.').type).toBe('service_outage');
    expect(nonBreachType('Unpatched web server found in a scan.').type).toBe('security_vulnerability');
  });
});
