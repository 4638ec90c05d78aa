import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractIncidentOffline } from '../../../activities/model/offline/extract-incident';
import { loadHandwrittenSet } from '../../../eval/datasets/acma-handwritten';
import { computeHandwrittenFigures, outcomeOf } from '../../../eval/scoring/acma-handwritten';

const root = join(__dirname, '../../..');
// Every file the offline incident rules are made of: none may quote a held-out record.
const ruleFiles = [
  ...['domain/compliance/evidence.ts', 'domain/compliance/breach-meanings.ts', 'domain/compliance/report-dates.ts'],
  ...readdirSync(join(root, 'activities/model/offline'))
    .filter((f) => /incident/.test(f))
    .map((f) => `activities/model/offline/${f}`),
];
const words = (t: string) => t.toLowerCase().match(/[a-z0-9']+/g) ?? [];

/**
 * The held-out set: written by hand after the rules were developed, without running them on it, and scored once.
 * Issue 15's target is at least 95% of types and every stated count exact; the rules do NOT meet it here (see the
 * README). These figures are pinned as they are, so a change to the rules shows here; none was made because of them.
 */
describe('the ACMA held-out set', () => {
  const set = loadHandwrittenSet('heldout');
  const f = computeHandwrittenFigures(
    set,
    set.cases.map((c) => outcomeOf(c, extractIncidentOffline({ incident: c.incident }))),
  );

  it('has at least 40 records of every kind issue 15 names', () => {
    expect(f.items).toBeGreaterThanOrEqual(40);
    const breaches = set.cases.filter((c) => c.expected.type === 'data_breach');
    for (const type of ['data_breach', 'service_outage', 'security_vulnerability', 'other'] as const) {
      expect(set.cases.map((c) => c.expected.type)).toContain(type);
    }
    expect(breaches.filter((c) => c.expected.dateReported === null).length).toBeGreaterThanOrEqual(4);
    expect(breaches.filter((c) => c.expected.dateReported && !c.source.reportedOn.length).length).toBeGreaterThan(4);
  });

  it('is kept out of the rules: no rule file quotes any six consecutive words of a held-out record', () => {
    const source = ruleFiles.map((f) => words(readFileSync(join(root, f), 'utf8')).join(' ')).join('\n');
    for (const c of set.cases) {
      const w = words(c.incident.description);
      for (let i = 0; i + 6 <= w.length; i++) expect(source).not.toContain(w.slice(i, i + 6).join(' '));
    }
  });

  it('never lets a month PASS against its truth', () => {
    for (const m of f.months) if (m.expected !== 'PASS') expect(m.predicted).not.toBe('PASS');
  });

  it('reports its figures as they are: below the 95% target, with three silent misses', () => {
    expect({ types: f.types.right, customers: f.customers.exact, reported: f.reported.right }).toEqual({
      types: 28,
      customers: 20,
      reported: 26,
    });
    expect([f.types.n, f.customers.n, f.reported.n, f.misses.length]).toEqual([48, 26, 26, 22]);
    // HO-01 is a breach typed "other" with nothing sent to review: the failure issue 15 exists to prevent, caught
    // here only because other records held its month. HO-40 and HO-43 are an outage and a vulnerability typed "other".
    expect(f.silentMisses).toEqual(['HO-01', 'HO-40', 'HO-43']);
    expect(f.months).toEqual([
      { month: '2026-05', expected: 'FAIL', predicted: 'PENDING_REVIEW' },
      { month: '2026-06', expected: 'FAIL', predicted: 'PENDING_REVIEW' },
      { month: '2026-07', expected: 'PENDING', predicted: 'PENDING_REVIEW' },
    ]);
  });
});
