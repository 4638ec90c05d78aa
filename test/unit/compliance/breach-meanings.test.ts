import { dataEvidence } from '../../../domain/compliance/evidence';
import { reportDatesInText } from '../../../domain/compliance/report-dates';
import { customerCountInText } from '../../../activities/model/offline/incident-count';
import { nonBreachType } from '../../../activities/model/offline/incident-type';
import { extractIncidentOffline } from '../../../activities/model/offline/extract-incident';

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

/**
 * Phrasings of our own for the kinds of incident operators log, written apart from every hand-written set: the type
 * each should get. Wrong or unsure answers must still reach a reviewer (the cross-check), but these should be right.
 */
describe('incident types on phrasings of our own', () => {
  const cases: Array<[string, string]> = [
    [
      'other',
      "Storage array fault corrupted the billing tables; all customer data was restored from last night's backup before the morning run.",
    ],
    [
      'other',
      "Technician's laptop stolen from his van in Penrith. Device fully encrypted, no customer info stored locally.",
    ],
    [
      'data_breach',
      "Wrong bills: 40 households got their neighbours' September invoices due to a print-run sort error.",
    ],
    ['data_breach', "Store screen facing the window showed the next customer's account page to passers-by."],
    ['data_breach', "A second-hand handset we resold still had the previous owner's contacts and messages on it."],
    [
      'security_vulnerability',
      'Phishing email reached 40 staff mailboxes; nobody clicked the link and the sender was blocked.',
    ],
    [
      'security_vulnerability',
      'Pen test found an SQL injection flaw in the self-service portal; logs show no exploitation. Patched 2 Sept.',
    ],
    ['service_outage', 'Fibre cut at Ultimo; approx 30,000 customers had no internet for six hours.'],
    ['data_breach', 'Tech left a job sheet with cust name, address and DOB at a cafe. Not recovered.'],
    ['data_breach', 'port-out fraud x3, accounts taken over'],
    ['data_breach', 'Contractor emailed a spreadsheet of 1,200 subscribers to his gmail account.'],
    ['data_breach', 'Credential stuffing attack: 214 My Account logins succeeded before rate limiting kicked in.'],
    [
      'data_breach',
      'Ransomware crew posted files from our HR and sales share on their leak site, incl. customer contracts.',
    ],
    ['other', 'Customer complained about being overcharged for roaming in Bali; refund issued.'],
    ['service_outage', 'SMS delivery delayed up to 2 hrs for prepaid services in WA due to SMSC overload.'],
    [
      'security_vulnerability',
      'Vendor advisory: our core routers run firmware with a known auth bypass. No evidence of use; upgrade scheduled.',
    ],
    [
      'data_breach',
      "Field tech's car broken into overnight; work tablet with today's job list (names, addresses) taken.",
    ],
    [
      'data_breach',
      "An API endpoint returned other customers' profile data when the account ID in the URL was changed.",
    ],
    [
      'data_breach',
      'Franchise shared drive holding customer ID scans was readable by all 300 staff across the dealer network.',
    ],
    ['data_breach', 'Call recording played to the wrong caller during a callback.'],
    ['data_breach', "Phishing email gave attackers a rep's CRM login; they pulled 3,100 customer profiles."],
    ['data_breach', "Call centre agent looked up her ex-partner's account 14 times without a business reason."],
    ['data_breach', 'OTP texts for 12 customers went to recycled numbers now held by other people.'],
    ['data_breach', 'Box of old application forms found in the bin behind the Chermside store.'],
    ['data_breach', 'Lost USB w/ cust list.'],
    [
      'data_breach',
      'Our SMS marketing vendor was hacked and our subscriber list (mobile numbers, first names) was dumped online.',
    ],
    [
      'data_breach',
      "Fraudster convinced store staff to issue a replacement SIM, then reset the victim's banking passwords.",
    ],
    ['service_outage', 'Mobile data unavailable across regional SA for 4h.'],
    ['service_outage', 'Triple-zero calls failed to connect in Darwin for 20 min.'],
    ['service_outage', 'VoLTE calls dropping intermittently in Geelong after core upgrade.'],
    [
      'security_vulnerability',
      'Storage bucket found open during audit; access logs show no downloads. Locked down same day.',
    ],
    ['other', 'Fire alarm evacuation at Melbourne NOC, staff returned after 40 minutes.'],
  ];
  it.each(cases)('types as %s: %s', (type, description) => {
    const extracted = extractIncidentOffline({
      incident: {
        id: 'P',
        openedAt: '2026-09-01T01:00:00Z',
        description,
        incidentType: null,
        customersAffected: null,
        notifications: [],
      },
    });
    expect(extracted.type).toBe(type);
  });

  it('reads report dates written without a year, and counts written as fractions, hyphens and shorthand', () => {
    expect(reportDatesInText('Notification lodged with the regulator on the 4th of September.', '2026-09-01')).toEqual([
      '2026-09-04',
    ]);
    expect(reportDatesInText('ACMA notified Tues 14 Oct.', '2026-10-01')).toEqual(['2026-10-14']);
    expect(reportDatesInText('Reported to ACMA on 2/9.', '2026-08-30')).toEqual(['2026-09-02']);
    expect(reportDatesInText('ACMA informed on the 3rd.', '2026-08-30')).toEqual(['2026-09-03']);
    expect(customerCountInText('Roughly three and a half thousand subscribers were listed.')).toBe(3500);
    expect(customerCountInText('The 5,200-customer mailing list was attached.')).toBe(5200);
    expect(customerCountInText('Invoice sent to wrong person x2.')).toBe(2);
    expect(customerCountInText('About 1.4m users were in the dump.')).toBe(1400000);
  });
});
