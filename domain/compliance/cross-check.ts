import type { FactMismatch, IncidentFacts } from './facts';

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
 * Every figure that decides compliance must appear in, or follow from, the source record. Anything that does not is
 * a mismatch for a person to settle; the model is never trusted on its own word.
 */
export function crossCheck(facts: IncidentFacts, source: IncidentSource): FactMismatch[] {
  const problems: FactMismatch[] = [];
  const add = (field: FactMismatch['field'], extracted: unknown, problem: string) =>
    problems.push({ incidentId: source.id, field, extracted: String(extracted), problem });
  if (facts.incidentId !== source.id)
    add('date', facts.incidentId, `answer names ${facts.incidentId}, not ${source.id}`);
  if (facts.date !== source.localDate) add('date', facts.date, `the record was opened on ${source.localDate}`);
  if (facts.customersAffected !== null) {
    const inText = numberAppears(facts.customersAffected, source.description);
    const inField = source.customersAffected === facts.customersAffected;
    if (!inText && !inField) add('customersAffected', facts.customersAffected, 'this number is not in the record');
  } else if (facts.type === 'data_breach' && source.customersAffected !== null) {
    add('customersAffected', 'null', `the record says ${source.customersAffected}`);
  }
  if (facts.dateReported !== null && !source.reportedOn.includes(facts.dateReported)) {
    add('dateReported', facts.dateReported, 'no regulator notification on that date');
  }
  if (facts.dateReported === null && source.reportedOn.length && facts.type === 'data_breach') {
    add('dateReported', 'null', `a notification was sent on ${source.reportedOn[0]}`);
  }
  if (source.incidentType && source.incidentType !== facts.type) {
    add('type', facts.type, `the record's structured type is ${source.incidentType}`);
  }
  return problems;
}
