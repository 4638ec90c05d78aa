import { summariseFraudOffline } from '../../activities/model/offline/summarise-fraud';
import { inventedFigures, type FlaggedAccount } from '../../domain/fraud/summary';

const account: FlaggedAccount = {
  accountId: '123456',
  patterns: ['roaming_spree', 'slow_bleed'],
  planType: 'domestic',
  evidence: {
    roaming_spree: { countries: 11, roaming_mb: 4210, window_days: 14, plan_type: 'domestic' },
    slow_bleed: { micro_charges: 37, vendors: 9, total: '58.40' },
  },
};

describe('fraud summaries quote only the evidence', () => {
  it('accepts figures that are in the evidence, however they are written', () => {
    expect(
      inventedFigures(
        'Roaming in 11 countries in 14 days (4,210 MB); 37 charges from 9 vendors, $58.40.',
        account.evidence,
      ),
    ).toEqual([]);
  });

  it('names each invented figure', () => {
    expect(inventedFigures('Roaming in 47 countries; losses of $1,200.', account.evidence)).toEqual(['47', '$1,200']);
  });

  it("the offline engine's summary passes the check and recommends catalog actions for each pattern", () => {
    const summary = summariseFraudOffline({ account });
    expect(inventedFigures(summary.narrative, account.evidence)).toEqual([]);
    expect(summary.narrative).toMatch(/11 countries in 14 days/);
    expect(summary.recommendedActions).toEqual([
      'block_international_roaming',
      'send_sms_verification',
      'escalate_to_fraud_team',
    ]);
    expect(summary.riskLevel).toBe('high');
  });
});
