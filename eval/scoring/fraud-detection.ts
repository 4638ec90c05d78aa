/** Detection against the generator's labels, as scripts/fraud/eval.ts scores it, plus the fraud/not-fraud matrix. */
import type { Flag } from '../../activities/fraud/detect';
import { FRAUD_PATTERNS } from '../../tooling/fraud-data/population';
import type { FraudLabel } from '../datasets/fraud';
import { ratio, type Confusion } from '../metrics';

export interface RuleScore {
  rule: string;
  flags: number;
  /** Of the accounts this rule flagged, the share that carry a fraud label. */
  precision: number | null;
  /** Of the accounts injected with this pattern, the share this rule flagged. */
  recall: number | null;
  /** The same, flagged by any rule: what an analyst sees. */
  recallAnyRule: number | null;
}

export interface DetectionFigures {
  accounts: number;
  flagged: number;
  frauds: number;
  precision: number | null;
  recall: number | null;
  falsePositiveShare: number | null;
  lookalikes: number;
  lookalikesFlagged: number;
  /** rows actual, columns predicted: fraud, not fraud. */
  confusion: Confusion;
  rules: RuleScore[];
  patterns: Array<{ pattern: string; kind: 'fraud' | 'look-alike'; labelled: number; flagged: number }>;
}

export function detectionFigures(accounts: number, flags: Flag[], labels: FraudLabel[]): DetectionFigures {
  const flagged = new Set(flags.map((f) => f.accountId));
  const fraud = new Set(labels.filter((l) => l.isFraud).map((l) => l.accountId));
  const tp = [...flagged].filter((id) => fraud.has(id)).length;
  const fn = fraud.size - tp;
  const fp = flagged.size - tp;
  const rules = [...new Set([...FRAUD_PATTERNS, ...flags.map((f) => f.pattern)])].map((rule) => {
    const hits = new Set(flags.filter((f) => f.pattern === rule).map((f) => f.accountId));
    const injected = labels.filter((l) => l.isFraud && l.pattern === rule);
    return {
      rule,
      flags: hits.size,
      precision: ratio([...hits].filter((id) => fraud.has(id)).length, hits.size),
      recall: ratio(injected.filter((l) => hits.has(l.accountId)).length, injected.length),
      recallAnyRule: ratio(injected.filter((l) => flagged.has(l.accountId)).length, injected.length),
    };
  });
  const lookalikes = labels.filter((l) => !l.isFraud);
  return {
    accounts,
    flagged: flagged.size,
    frauds: fraud.size,
    precision: ratio(tp, flagged.size),
    recall: ratio(tp, fraud.size),
    falsePositiveShare: ratio(fp, flagged.size),
    lookalikes: lookalikes.length,
    lookalikesFlagged: lookalikes.filter((l) => flagged.has(l.accountId)).length,
    confusion: {
      labels: ['fraud', 'not fraud'],
      matrix: [
        [tp, fn],
        [fp, accounts - tp - fn - fp],
      ],
    },
    rules,
    patterns: [...new Set(labels.map((l) => l.pattern))].sort().map((pattern) => {
      const group = labels.filter((l) => l.pattern === pattern);
      return {
        pattern,
        kind: group[0]!.isFraud ? 'fraud' : 'look-alike',
        labelled: group.length,
        flagged: group.filter((l) => flagged.has(l.accountId)).length,
      };
    }),
  };
}
