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
}

const types: readonly string[] = ['data_breach', 'service_outage', 'security_vulnerability', 'other'];

// A breach needs someone's data and something happening to it, in the same sentence.
const PERSONAL_DATA =
  /\b(customer|personal|subscriber|PII|records?|profiles?|billing|invoices?|email addresses|passport|identity|payment card|account details|session tokens|names)\b|\bcustomers?'?\s+(accounts?|data|details|numbers)/i;
const EXPOSURE =
  /\b(expos\w*|accessed|leak\w*|exfiltrat\w*|disclosed|stolen|viewed|unauthori[sz]ed access|breach\w*|compromised)\b/i;
// Sentence-level negation: "no customer data exposed", "not a breach", "without data being accessed".
const NEGATED = /\b(no|not|none|nothing|never|without)\b|before any/i;
const OUTAGE = /\b(outage|degrad\w*|disruption|unavailable|offline|loss of service|down|failed|delays?)\b/i;
const VULNERABILITY = /\b(CVE-\d{4}-\d+|vulnerab\w*|patch\w*|exploit\w*|zero-day|injection|misconfigur\w*)\b/i;

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const COUNT =
  /(?<![\d,.\-])\b(\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:[a-z]+\s+){0,1}(customers?|subscribers?|services)\b/i;

const sentences = (text: string) => text.split(/(?<=[.;!?])\s+|\n+/).filter((s) => s.trim().length > 0);

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

function describesBreach(text: string): boolean {
  return sentences(text).some((s) => PERSONAL_DATA.test(s) && EXPOSURE.test(s) && !NEGATED.test(s));
}

function classify(v: ExtractIncidentVariables): IncidentType {
  const { description, incidentType } = v.incident;
  // Text showing exposed customer data outranks a structured type: missing a breach is the costly error.
  if (describesBreach(description)) return 'data_breach';
  if (incidentType && types.includes(incidentType)) return incidentType as IncidentType;
  if (VULNERABILITY.test(description)) return 'security_vulnerability';
  if (OUTAGE.test(description)) return 'service_outage';
  return 'other';
}

function customerCount(v: ExtractIncidentVariables): number | null {
  if (v.incident.customersAffected !== null) return v.incident.customersAffected;
  const match = COUNT.exec(v.incident.description);
  if (!match) return null;
  const raw = match[1]!.toLowerCase();
  return WORDS[raw] ?? Number(raw.replace(/,/g, ''));
}

/**
 * A deterministic rule engine, not a language model. It reports facts only; how many days it took to report is
 * arithmetic, which the workflow does itself.
 */
export function extractIncidentOffline(v: ExtractIncidentVariables): ExtractedIncident {
  const reported = v.incident.notifications.map((n) => n.reportedOn.slice(0, 10)).sort();
  return {
    incidentId: v.incident.id,
    date: sydneyDate(v.incident.openedAt),
    type: classify(v),
    customersAffected: customerCount(v),
    dateReported: reported[0] ?? null,
  };
}
