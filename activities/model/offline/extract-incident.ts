import { dataEvidence } from '../../../domain/compliance/evidence';
import { reportDatesInText } from '../../../domain/compliance/report-dates';
import { customerCountInText } from './incident-count';
import { nonBreachType } from './incident-type';

export interface ExtractIncidentVariables {
  incident: {
    id: string;
    openedAt: string;
    description: string;
    incidentType: string | null;
    customersAffected: number | null;
    notifications: Array<{ reportedOn: string; reference: string }>;
  };
}

export type IncidentType = 'data_breach' | 'service_outage' | 'security_vulnerability' | 'other';

export interface ExtractedIncident {
  incidentId: string;
  /** YYYY-MM-DD: the incident's date at the operator in Australia/Sydney, not in UTC. */
  date: string;
  type: IncidentType;
  customersAffected: number | null;
  dateReported: string | null;
  /** How sure the rules are of the type: the cross-check sends a low one to a reviewer. */
  confidence: number;
}

const types: readonly string[] = ['data_breach', 'service_outage', 'security_vulnerability', 'other'];

/** The calendar date at the operator's head office: the ACMA month is a Sydney month. */
export function sydneyDate(openedAt: string): string {
  const at = new Date(openedAt);
  if (Number.isNaN(at.getTime())) throw new Error(`openedAt is not a timestamp: ${openedAt}`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Australia/Sydney',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (kind: string) => parts.find((p) => p.type === kind)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The type, and how sure the rules are of it: an answer they are not sure of goes to a reviewer. */
function classify(v: ExtractIncidentVariables): { type: IncidentType; confidence: number } {
  const { description, incidentType } = v.incident;
  const evidence = dataEvidence(description);
  // Text showing someone's data exposed, accessed, disclosed, lost or stolen outranks a structured type: missing a
  // breach is the costly error.
  if (evidence.affirmed) return { type: 'data_breach', confidence: 0.9 };
  const unsure = evidence.mentions.length > 0 && (!evidence.denied || evidence.uncertain);
  if (incidentType && types.includes(incidentType)) {
    return { type: incidentType as IncidentType, confidence: unsure ? 0.5 : 0.95 };
  }
  const { type, sure } = nonBreachType(description);
  // "Other" that no cue supports is only the absence of a rule that matched: below LOW_CONFIDENCE, so a person
  // reads it. An outage or a weakness named without certainty is still named.
  if (type === 'other' && !sure) return { type, confidence: 0.5 };
  return { type, confidence: unsure ? 0.5 : sure ? 0.85 : 0.7 };
}

function customerCount(v: ExtractIncidentVariables): number | null {
  return v.incident.customersAffected ?? customerCountInText(v.incident.description);
}

/**
 * A deterministic rule engine, not a language model: paraphrase is read through meaning groups, number words and
 * hedged counts, but a phrasing no rule foresaw is still missed, which is why the cross-check doubts every "not a
 * breach" the text does not support. It reports facts only; how many days it took to report is
 * arithmetic, which the workflow does itself.
 */
export function extractIncidentOffline(v: ExtractIncidentVariables): ExtractedIncident {
  // When the regulator was told: the notifications table, or the record's own words ("Reported to ACMA on 3 March
  // 2026", "03/03/2026"); the earliest, and the cross-check questions the two when they disagree.
  const table = v.incident.notifications.map((n) => n.reportedOn.slice(0, 10));
  const date = sydneyDate(v.incident.openedAt);
  const reported = [...table, ...reportDatesInText(v.incident.description, date)].sort();
  const { type, confidence } = classify(v);
  return {
    incidentId: v.incident.id,
    date,
    type,
    customersAffected: customerCount(v),
    dateReported: reported[0] ?? null,
    confidence,
  };
}
