import { costUsd, findPrice } from '../../activities/model/pricing';
import { countsNamed } from '../support/counts';

const usage = countsNamed('inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens');

describe('pricing', () => {
  it('prices Haiku 4.5 at $1 in and $5 out per million tokens', () => {
    expect(costUsd('claude-haiku-4-5-20251001', usage(1_000_000, 0))).toBeCloseTo(1, 10);
    expect(costUsd('claude-haiku-4-5-20251001', usage(0, 1_000_000))).toBeCloseTo(5, 10);
    // 000's worked figure (800 in, 150 out) at today's prices.
    expect(costUsd('claude-haiku-4-5-20251001', usage(800, 150))).toBeCloseTo(0.00155, 10);
  });

  it('charges cache reads at 0.1x and 5-minute cache writes at 1.25x of input', () => {
    expect(costUsd('claude-haiku-4-5-20251001', usage(0, 0, 1_000_000, 0))).toBeCloseTo(0.1, 10);
    expect(costUsd('claude-haiku-4-5-20251001', usage(0, 0, 0, 1_000_000))).toBeCloseTo(1.25, 10);
  });

  it('halves the price for batches', () => {
    expect(costUsd('claude-haiku-4-5-20251001', usage(1_000_000, 1_000_000), { batch: true })).toBeCloseTo(3, 10);
  });

  it('finds Bedrock ids that wrap the Anthropic id', () => {
    expect(findPrice('au.anthropic.claude-haiku-4-5-20251001-v1:0')?.inputPerMTok).toBe(1);
  });

  it('refuses to guess a price it does not know', () => {
    expect(() => costUsd('mystery-model', usage(1, 1))).toThrow(/no price for model mystery-model/);
  });
});
