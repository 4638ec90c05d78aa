/** The hand-written set stays unseen: never in training, never derived from it, and it covers what issue 14 asks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { taxonomySchema } from '../../../domain/taxonomy';
import { departments } from '../../../domain/ticket';
import { loadTrainingExamples } from '../../../activities/model/offline/intent-classifier';
import { loadUnseenRows, partOf, unseenCases } from '../../../eval/datasets/tickets-unseen';

const root = join(__dirname, '..', '..', '..');
const taxonomy = taxonomySchema.parse(JSON.parse(readFileSync(join(root, 'prompts/ticket/taxonomy.json'), 'utf8')));
const rows = loadUnseenRows(taxonomy);
// Case, punctuation and spacing folded, so "Help!" and "help" count as the same message.
const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('the hand-written evaluation set', () => {
  it('has at least 150 messages across every department', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.department))).toEqual(new Set(departments));
  });

  it('shares no message with the training data or with our other cases', () => {
    const training = new Set(loadTrainingExamples(join(root, 'prompts/ticket/training')).map((e) => norm(e.text)));
    const own = readFileSync(join(root, 'activities/evaluation/tickets-cases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => norm((JSON.parse(line) as { message: string }).message));
    const leaked = rows.filter((r) => training.has(norm(r.message)) || own.includes(norm(r.message)));
    expect(leaked.map((r) => r.message)).toEqual([]);
  });

  it('has no duplicate messages', () => {
    expect(new Set(rows.map((r) => norm(r.message))).size).toBe(rows.length);
  });

  it('covers slang, typos, two-request messages and Australian telco words', () => {
    const tagged = (tag: string) => rows.filter((r) => r.tags.includes(tag)).length;
    for (const tag of ['slang', 'typo', 'multi', 'au-vocab', 'vague', 'third-party', 'hardship']) {
      expect(tagged(tag)).toBeGreaterThan(0);
    }
    const text = rows.map((r) => r.message.toLowerCase()).join('\n');
    for (const word of ['nbn', 'tio', 'bpay', 'mms', 'wi-fi calling', 'esim', 'port', 'pre-paid', 'recharge']) {
      expect([word, text.includes(word)]).toEqual([word, true]);
    }
  });

  it('never lets a high-stakes, two-request or vague row be sent without a person', () => {
    const high = new Set(taxonomy.intents.filter((i) => i.stakes === 'high').map((i) => i.id));
    const offLimits = rows.filter((r) => high.has(r.intent) || r.secondaryIntent || r.tags.includes('vague'));
    expect(offLimits.filter((r) => r.autoSend)).toEqual([]);
  });

  it('holds out about 30% by a hash of the text, the same way every run', () => {
    const heldOut = rows.filter((r) => partOf(r.message) === 'held-out').length / rows.length;
    expect(heldOut).toBeGreaterThan(0.2);
    expect(heldOut).toBeLessThan(0.4);
    expect(unseenCases(rows).every((c) => c.tags.includes('unseen') && c.stage === 'full')).toBe(true);
  });
});
