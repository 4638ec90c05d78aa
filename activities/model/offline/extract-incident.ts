import { canonicalIncidentText, dataEvidence } from '../../../domain/compliance/evidence';
import { reportDatesInText } from '../../../domain/compliance/report-dates';

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

// Cues grouped by meaning, not one word each: what a vulnerability and an outage are called in incident logs.
const VULNERABILITY =
  /\b(CVE-\d{4}-\d+|vulnerab\w*|patch\w*|exploit\w*|zero-day|injection|misconfigur\w*|flaw|cross-site|XSS|remote code execution|advisory|bulletin|outdated|unpatched|weak (default )?(admin )?password|pen(etration)? test|security scan)\b/i;
const OUTAGE =
  /\b(outage|degrad\w*|disruption|unavailable|offline|loss of service|down|failed|failure|fault|delays?|dropped|intermittent|without (mobile |data |internet )?service)\b/i;

// "approx.", "about", "up to", "some": a stated count with a hedge is still the count the record states.
const HEDGE = String.raw`(?:(?:approx\.?|approximately|about|around|roughly|some|an estimated|estimated|up to|nearly|almost|over|more than|~)\s*)?`;
const N = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const WHO = String.raw`(?:of our\s+)?(?:(?!hours?|minutes?|days?|weeks?)[\w'-]+\s+){0,2}?(?:customers?|subscribers?|members?|users?|account holders?|accounts?|profiles?|records?|people|households|services)\b`;
// A range counts its upper bound: the most customers the record says may be affected.
const RANGE = new RegExp(
  String.raw`(?<![\d,.\-])\b(?:between\s+)?${HEDGE}${N}\s*(?:-|–|to|and)\s*${HEDGE}${N}\s+${WHO}`,
  'i',
);
const COUNT = new RegExp(String.raw`(?<![\d,.\-])\b${HEDGE}${N}\s+${WHO}`, 'i');
const ONE = /\b(one|a single)\s+(customer|subscriber|member|user|account holder)\b/i;

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
  const type = VULNERABILITY.test(description)
    ? 'security_vulnerability'
    : OUTAGE.test(description)
      ? 'service_outage'
      : 'other';
  return { type, confidence: unsure ? 0.5 : type === 'other' ? 0.7 : 0.85 };
}

function customerCount(v: ExtractIncidentVariables): number | null {
  if (v.incident.customersAffected !== null) return v.incident.customersAffected;
  const text = canonicalIncidentText(v.incident.description);
  const read = (raw: string) => Number(raw.replace(/,/g, ''));
  const range = RANGE.exec(text);
  if (range) return read(range[2]!);
  const count = COUNT.exec(text);
  if (count) return read(count[1]!);
  return ONE.test(text) ? 1 : null;
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
  const reported = [...table, ...reportDatesInText(v.incident.description)].sort();
  const { type, confidence } = classify(v);
  return {
    incidentId: v.incident.id,
    date: sydneyDate(v.incident.openedAt),
    type,
    customersAffected: customerCount(v),
    dateReported: reported[0] ?? null,
    confidence,
  };
}
