/**
 * The offline engine on wording it never trained on (classification only; the full-pipeline figures, sends
 * included, come from `npm run eval -- --use-case tickets`). Guards the figures the README quotes from regressing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOfflineClassifier } from '../../../activities/model/offline/classify';
import { loadTrainingExamples, trainIntentClassifier } from '../../../activities/model/offline/intent-classifier';
import { settleClassification } from '../../../activities/ticket/settle';
import { taxonomySchema } from '../../../domain/taxonomy';
import { loadUnseenRows } from '../../../eval/datasets/tickets-unseen';

const root = join(__dirname, '..', '..', '..');
const taxonomy = taxonomySchema.parse(JSON.parse(readFileSync(join(root, 'prompts/ticket/taxonomy.json'), 'utf8')));
const intents = new Map(taxonomy.intents.map((i) => [i.id, i]));
const vagueIntent = taxonomy.intents.find((i) => i.clarify);
const classifier = createOfflineClassifier(
  taxonomy,
  trainIntentClassifier(loadTrainingExamples(join(root, 'prompts/ticket/training'))),
);
const classify = (message: string) => {
  const model = classifier({ conversation: [message] });
  return settleClassification(model, intents.get(model.intent)!, [message], vagueIntent);
};

describe('the offline engine on the hand-written set', () => {
  const rows = loadUnseenRows(taxonomy);
  const readings = rows.map((row) => ({ row, settled: classify(row.message) }));

  it('gets at least 85% of departments right', () => {
    const right = readings.filter(({ row, settled }) => settled.classification.department === row.department);
    expect(right.length / rows.length).toBeGreaterThanOrEqual(0.85);
  });

  it('is never above the send threshold with the wrong intent on a row it may send', () => {
    const confidentlyWrong = readings.filter(
      ({ row, settled }) =>
        settled.classification.confidence > 0.85 &&
        settled.stakes === 'normal' &&
        !settled.clarify &&
        !settled.classification.secondaryIntent &&
        settled.classification.intent !== row.intent,
    );
    expect(confidentlyWrong.map(({ row }) => row.id)).toEqual([]);
  });
});

describe('messages it does not recognise', () => {
  it.each(['zxq blorf wibble', 'quantum flux capacitor recalibration schedule'])(
    '"%s" is read with low confidence, which routes to a person',
    (message) => expect(classify(message).classification.confidence).toBeLessThan(0.6),
  );
});
