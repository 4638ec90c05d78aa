import type { IncidentFacts } from '../../domain/compliance/facts';

/** An incident's facts as extracted: a data breach on 5 January 2025, no count, never reported, unless `facts` says. */
export const incidentFacts = (incidentId: string, facts: Partial<IncidentFacts> = {}): IncidentFacts => ({
  incidentId,
  date: '2025-01-05',
  type: 'data_breach',
  customersAffected: null,
  dateReported: null,
  ...facts,
});
