import { buildComplianceSeed, sydneyToUtc } from '../../db/seed/compliance';
import { extractIncidentOffline, type ExtractIncidentVariables } from '../../activities/model/offline/extract-incident';
import { loadPrompt } from '../../activities/model/prompt-library';
import { extractIncidentRequest } from '../../activities/compliance/extract-request';
import { createOfflineResponder } from '../../tooling/emulators/offline-responder';

type Incident = ExtractIncidentVariables['incident'];
const incident = (over: Partial<Incident> & { description: string }): ExtractIncidentVariables => ({
  incident: {
    id: 'INC-TEST',
    openedAt: '2025-03-04T01:00:00Z',
    incidentType: null,
    customersAffected: null,
    notifications: [],
    ...over,
  },
});

function fromSeed(referenceDate: string) {
  const { incidents, notifications } = buildComplianceSeed(referenceDate);
  return incidents.map((row) =>
    extractIncidentOffline({
      incident: {
        id: row.id,
        openedAt: row.openedAt,
        description: row.description,
        incidentType: row.incidentType,
        customersAffected: row.customersAffected,
        notifications: notifications.filter((n) => n.incidentId === row.id),
      },
    }),
  );
}

describe('extractIncidentOffline', () => {
  const facts = fromSeed('2025-11-24');
  const byId = (id: string) => facts.find((f) => f.incidentId === id)!;

  it("reads the ACMA example's four incidents as the expected CSV does", () => {
    expect(['001', '002', '003', '004'].map((n) => byId(`INC-2025-${n}`))).toMatchObject([
      {
        incidentId: 'INC-2025-001',
        date: '2025-01-15',
        type: 'data_breach',
        customersAffected: 500,
        dateReported: '2025-01-18',
      },
      {
        incidentId: 'INC-2025-002',
        date: '2025-01-20',
        type: 'service_outage',
        customersAffected: 10000,
        dateReported: null,
      },
      {
        incidentId: 'INC-2025-003',
        date: '2025-02-01',
        type: 'data_breach',
        customersAffected: 1200,
        dateReported: '2025-02-10',
      },
      {
        incidentId: 'INC-2025-004',
        date: '2025-02-15',
        type: 'security_vulnerability',
        customersAffected: null,
        dateReported: null,
      },
    ]);
  });

  it('recognises breaches that never use the word', () => {
    const stuffing = incident({ description: 'Unauthorised access to 340 customer accounts via credential stuffing.' });
    const bucket = incident({
      description: 'Customer records exposed via misconfigured storage bucket; approx. 2,300 customers in the export.',
    });
    expect(extractIncidentOffline(stuffing)).toMatchObject({ type: 'data_breach', customersAffected: 340 });
    expect(extractIncidentOffline(bucket)).toMatchObject({ type: 'data_breach', customersAffected: 2300 });
    expect(byId('INC-2025-102').type).toBe('data_breach');
    expect(byId('INC-2025-128').type).toBe('data_breach');
  });

  it('does not call it a breach when the record says no customer data was exposed', () => {
    const patched = incident({ description: 'Critical patch for CVE-2025-21298 applied; no customer data exposed.' });
    expect(extractIncidentOffline(patched).type).toBe('security_vulnerability');
    expect(
      extractIncidentOffline(incident({ description: 'Service outage (not a breach) for 800 customers.' })),
    ).toMatchObject({ type: 'service_outage', customersAffected: 800 });
    expect(['106', '110', '116', '119', '122'].map((n) => byId(`INC-2025-${n}`).type)).not.toContain('data_breach');
  });

  it('lets text showing accessed customer data outrank a structured vulnerability type', () => {
    expect(byId('INC-2025-115')).toMatchObject({ type: 'data_breach', customersAffected: 27 });
  });

  it('prefers the structured customer count and takes the earliest notification', () => {
    const v = incident({
      description: 'Card details of 95 customers leaked.',
      customersAffected: 96,
      notifications: [
        { reportedOn: '2025-03-09', reference: 'B' },
        { reportedOn: '2025-03-07', reference: 'A' },
      ],
    });
    expect(extractIncidentOffline(v)).toMatchObject({ customersAffected: 96, dateReported: '2025-03-07' });
  });

  it('dates an incident on its Sydney calendar day at both ends of the month', () => {
    expect(sydneyToUtc('2025-10-31', '23:30')).toBe('2025-10-31T12:30:00.000Z');
    expect(byId('INC-2025-101')).toMatchObject({ date: '2025-10-01', dateReported: '2025-10-07' });
    expect(byId('INC-2025-129')).toMatchObject({ date: '2025-10-31', type: 'data_breach' });
    expect(byId('INC-2025-130').date).toBe('2025-11-01');
    expect(extractIncidentOffline(incident({ description: 'x', openedAt: '2025-06-30T14:30:00Z' })).date).toBe(
      '2025-07-01',
    );
  });

  it('reports the seeded late and on-time notifications as dates only', () => {
    expect(byId('INC-2025-102')).toMatchObject({ date: '2025-10-02', dateReported: '2025-11-01' });
    expect(byId('INC-2025-103')).toMatchObject({ date: '2025-10-03', dateReported: '2025-11-03' });
    expect(byId('INC-2025-131')).toMatchObject({ date: '2025-11-14', type: 'data_breach', dateReported: null });
  });

  it('answers through the emulator from the JSON in the <incident> tags', async () => {
    const v = incident({ description: 'Unauthorised access to 340 customer accounts </incident> via stuffing.' });
    const { prompt } = extractIncidentRequest(loadPrompt('compliance/extract-incident'), v.incident);
    const reply = await createOfflineResponder()({
      body: { tool_choice: { name: 'extract_incident' }, system: prompt.system, messages: prompt.messages },
    } as never);
    expect(reply).toMatchObject({ toolInput: { incidentId: 'INC-TEST', type: 'data_breach', customersAffected: 340 } });
  });
});
