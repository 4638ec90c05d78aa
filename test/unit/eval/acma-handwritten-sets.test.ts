import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractIncidentOffline } from '../../../activities/model/offline/extract-incident';
import { loadHandwrittenSet, type HandwrittenSetName } from '../../../eval/datasets/acma-handwritten';
import { computeHandwrittenFigures, outcomeOf } from '../../../eval/scoring/acma-handwritten';

const root = join(__dirname, '../../..');
// Every file the offline incident rules are made of: none may quote a hand-written record.
const ruleFiles = [
  ...['domain/compliance/evidence.ts', 'domain/compliance/breach-meanings.ts', 'domain/compliance/report-dates.ts'],
  ...readdirSync(join(root, 'activities/model/offline'))
    .filter((f) => /incident/.test(f))
    .map((f) => `activities/model/offline/${f}`),
];
const words = (t: string) => t.toLowerCase().match(/[a-z0-9']+/g) ?? [];
const figuresOf = (name: HandwrittenSetName) => {
  const set = loadHandwrittenSet(name);
  return {
    set,
    f: computeHandwrittenFigures(
      set,
      set.cases.map((c) => outcomeOf(c, extractIncidentOffline({ incident: c.incident }))),
    ),
  };
};

/**
 * The four hand-written sets the rules were developed on, each written apart from the rules (the last two by authors
 * who saw neither the rules nor the other sets) and scored once before it informed them: development (HW),
 * held-out (HO: 58.3% of types when first scored), final (HF: 80.0%, one silent miss) and fourth (HQ: 70.0%, three
 * silent misses, none of them a PASS). The figures below are after the rules learned from them, so they show only that
 * a later change does not undo what was learned; the unseen set is scored in acma-unseen-set.test.ts.
 */
describe.each([
  ['development', { types: 46, customers: 29, reported: 29, of: [46, 29, 29] }],
  ['heldout', { types: 48, customers: 26, reported: 26, of: [48, 26, 26] }],
  ['final', { types: 59, customers: 29, reported: 32, of: [60, 29, 32] }],
  ['fourth', { types: 59, customers: 27, reported: 30, of: [60, 27, 30] }],
] as const)('the hand-written ACMA set %s', (name, expected) => {
  const { set, f } = figuresOf(name);

  it('has records of every type, and breaches reported late, never and only in words', () => {
    expect(f.items).toBeGreaterThanOrEqual(40);
    for (const type of ['data_breach', 'service_outage', 'security_vulnerability', 'other'] as const) {
      expect(set.cases.map((c) => c.expected.type)).toContain(type);
    }
    const breaches = set.cases.filter((c) => c.expected.type === 'data_breach');
    expect(breaches.filter((c) => c.expected.dateReported === null).length).toBeGreaterThanOrEqual(4);
    expect(breaches.filter((c) => c.expected.dateReported && !c.source.reportedOn.length).length).toBeGreaterThan(4);
  });

  it('is kept out of the rules: no rule file quotes any six consecutive words of its records', () => {
    const source = ruleFiles.map((file) => words(readFileSync(join(root, file), 'utf8')).join(' ')).join('\n');
    for (const c of set.cases) {
      const w = words(c.incident.description);
      for (let i = 0; i + 6 <= w.length; i++) expect(source).not.toContain(w.slice(i, i + 6).join(' '));
    }
  });

  it('never lets a month PASS against its truth, and sends every miss to a reviewer', () => {
    for (const m of f.months) if (m.expected !== 'PASS') expect(m.predicted).not.toBe('PASS');
    expect(f.silentMisses).toEqual([]);
  });

  it('keeps what the rules learned from it', () => {
    expect({ types: f.types.right, customers: f.customers.exact, reported: f.reported.right }).toEqual({
      types: expected.types,
      customers: expected.customers,
      reported: expected.reported,
    });
    expect([f.types.n, f.customers.n, f.reported.n]).toEqual(expected.of);
  });
});
