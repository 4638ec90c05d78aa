import { breachDoubt, canonicalIncidentText } from './evidence';
import type { FactMismatch, IncidentFacts } from './facts';
import { reportDatesInText } from './report-dates';

const TOLD =
  /\b(ACMA|regulator|OAIC)\b[^.;]{0,60}\b(report|notif|lodg|inform|told|advis)|\b(report|notif|lodg|inform|told|advis)\w*\b[^.;]{0,60}\b(ACMA|regulator|OAIC)\b/i;

/** Below this an extraction's own confidence is not enough to decide a report on. */
export const LOW_CONFIDENCE = 0.6;

export interface IncidentSource {
  id: string;
  /** The incident's date at the operator (Australia/Sydney), from opened_at. */
  localDate: string;
  description: string;
  incidentType: string | null;
  customersAffected: number | null;
  reportedOn: string[];
}

function numberAppears(value: number, text: string): boolean {
  const plain = String(value);
  const grouped = value.toLocaleString('en-AU');
  return new RegExp(`(^|[^\\d,.])(${plain}|${grouped.replace(/,/g, ',')})(?![\\d,]*\\d)`).test(text);
}

/**
 * Every figure that decides compliance must appear in, or follow from, the source record, and "not a breach" needs
 * positive evidence. Anything else is a mismatch for a person to settle; the model is never trusted on its own word,
 * so a breach it calls `other`, a count it drops or a report date it misses holds the report for a reviewer.
 */
export function crossCheck(facts: IncidentFacts, source: IncidentSource): FactMismatch[] {
  const problems: FactMismatch[] = [];
  const add = (field: FactMismatch['field'], extracted: unknown, problem: string) =>
    problems.push({ incidentId: source.id, field, extracted: String(extracted), problem });
  if (facts.incidentId !== source.id)
    add('date', facts.incidentId, `answer names ${facts.incidentId}, not ${source.id}`);
  if (facts.date !== source.localDate) add('date', facts.date, `the record was opened on ${source.localDate}`);
  const text = canonicalIncidentText(source.description);
  if (facts.customersAffected !== null) {
    const inText = numberAppears(facts.customersAffected, text);
    const inField = source.customersAffected === facts.customersAffected;
    if (!inText && !inField) add('customersAffected', facts.customersAffected, 'this number is not in the record');
  } else if (facts.type === 'data_breach') {
    const said =
      source.customersAffected === null ? 'no count was extracted' : `the record says ${source.customersAffected}`;
    add('customersAffected', 'null', `a breach of how many customers? ${said}`);
  }
  // The notifications table and the record's own words must agree on when the regulator was told.
  const table = [...source.reportedOn].sort();
  const written = reportDatesInText(source.description);
  if (table.length && written.length && table[0] !== written[0]) {
    add(
      'dateReported',
      facts.dateReported,
      `the notifications table says ${table[0]}, the record's text ${written[0]}`,
    );
  }
  const known = [...table, ...written].sort();
  if (facts.dateReported !== null && !known.includes(facts.dateReported)) {
    add('dateReported', facts.dateReported, 'no regulator notification on that date, in the table or the text');
  }
  if (facts.dateReported === null && known.length && facts.type === 'data_breach') {
    add('dateReported', 'null', `the regulator was told on ${known[0]}`);
  } else if (facts.dateReported === null && facts.type === 'data_breach' && TOLD.test(text)) {
    // The record speaks of telling a regulator in words no reader turned into a date: "unreported" needs a person.
    add('dateReported', 'null', 'the record speaks of notifying a regulator, but no date was read from it');
  }
  if (source.incidentType && source.incidentType !== facts.type) {
    add('type', facts.type, `the record's structured type is ${source.incidentType}`);
  } else if (facts.type !== 'data_breach') {
    const doubt = breachDoubt(source.description);
    if (doubt) add('type', facts.type, doubt);
  }
  if (
    facts.confidence !== undefined &&
    facts.confidence < LOW_CONFIDENCE &&
    !problems.some((p) => p.field === 'type')
  ) {
    add('type', facts.type, `the extraction's confidence is ${facts.confidence}`);
  }
  return problems;
}
