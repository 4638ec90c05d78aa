import type { Flag } from '../../../activities/fraud/detect';
import { flaggedAccounts, type FraudLabel } from '../../../eval/datasets/fraud';
import type { SummaryOutcome } from '../../../eval/runners/fraud';
import { detectionFigures } from '../../../eval/scoring/fraud-detection';
import { actionFits, summaryFigures } from '../../../eval/scoring/fraud-summaries';

const flag = (accountId: string, pattern: string): Flag => ({ accountId, pattern, evidence: { n: 1 } });
const label = (accountId: string, pattern: string, isFraud = true): FraudLabel => ({ accountId, pattern, isFraud });
const summary = (accountId: string, actions: string[], over: Partial<SummaryOutcome['predicted']> = {}) =>
  ({
    accountId,
    patterns: [],
    predicted: { actions, riskLevel: 'high', verified: true, inventedFigures: 0, ...over },
    calls: [],
    latencyMs: 1,
    unusable: false,
  }) as SummaryOutcome;

describe('fraud detection scoring', () => {
  // 1 and 2 are frauds; 2 is caught only by another rule; 3 is a flagged look-alike; 4 a flagged normal account.
  const labels = [label('1', 'irsf'), label('2', 'sim_swap'), label('3', 'lookalike_traveller', false)];
  const flags = [flag('1', 'irsf'), flag('2', 'irsf'), flag('3', 'roaming_spree'), flag('4', 'irsf')];
  const f = detectionFigures(100, flags, labels);

  it('counts every account in the fraud / not-fraud matrix, look-alikes and unlabelled ones as not fraud', () => {
    expect(f.confusion).toEqual({
      labels: ['fraud', 'not fraud'],
      matrix: [
        [2, 0],
        [2, 96],
      ],
    });
    expect([f.precision, f.recall, f.falsePositiveShare, f.lookalikesFlagged]).toEqual([0.5, 1, 0.5, 1]);
  });

  it('scores each rule: precision over its flags, recall over its pattern, by itself and by any rule', () => {
    const rule = (name: string) => f.rules.find((r) => r.rule === name)!;
    expect(rule('irsf')).toEqual({ rule: 'irsf', flags: 3, precision: 2 / 3, recall: 1, recallAnyRule: 1 });
    expect(rule('sim_swap')).toMatchObject({ flags: 0, precision: null, recall: 0, recallAnyRule: 1 });
    expect(rule('roaming_spree')).toMatchObject({ flags: 1, precision: 0, recall: null });
  });

  it('gathers an account flagged twice into one summary request with both patterns', () => {
    const accounts = flaggedAccounts([flag('7', 'irsf'), flag('7', 'sim_swap')], new Map([['7', 'domestic']]));
    expect(accounts).toEqual([
      {
        accountId: '7',
        patterns: ['irsf', 'sim_swap'],
        evidence: { irsf: { n: 1 }, sim_swap: { n: 1 } },
        planType: 'domestic',
      },
    ]);
  });
});

describe('fraud summary scoring', () => {
  const labels = new Map([
    ['1', label('1', 'sim_swap')],
    ['2', label('2', 'roaming_spree')],
    ['3', label('3', 'lookalike_traveller', false)],
  ]);

  it('wants the pattern’s protective action on a fraud, and nothing that bars a legitimate customer', () => {
    expect(actionFits(summary('1', ['send_sms_verification', 'escalate_to_fraud_team']), labels.get('1'))).toBe(true);
    expect(actionFits(summary('1', ['send_sms_verification']), labels.get('1'))).toBe(false);
    expect(actionFits(summary('3', ['block_international_roaming']), labels.get('3'))).toBe(false);
    expect(actionFits(summary('9', ['send_sms_verification']), undefined)).toBe(true);
  });

  it('scores hits, first actions, verification and harm to legitimate accounts', () => {
    const f = summaryFigures(
      [
        summary('1', ['send_sms_verification', 'escalate_to_fraud_team']),
        summary('2', ['block_international_roaming'], { verified: false, inventedFigures: 1 }),
        summary('3', ['block_international_roaming']),
        {
          ...summary('4', []),
          unusable: true,
          predicted: { actions: [], riskLevel: null, verified: null, inventedFigures: 0 },
        },
      ],
      labels,
    );
    expect(f.onFraud).toMatchObject({ n: 2, hit: 1 });
    expect(f.onFraud.primary.accuracy).toBe(0.5);
    expect(f.onLegitimate).toEqual({ n: 1, disruptive: ['3'] });
    expect(f.verified).toEqual({ n: 3, rate: 2 / 3, unverified: ['2'] });
    expect([f.summarised, f.unusable, f.errors]).toEqual([4, 1, 0]);
  });
});
