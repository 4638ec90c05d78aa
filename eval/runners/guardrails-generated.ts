import { checkReply, isReplyValid } from '../../activities/guardrails';
import { generatorAccount, generatorPassages, generatorPolicy } from '../datasets/adversarial-fixtures';
import { generateReplies, type GeneratedReply } from '../datasets/adversarial-generator';

export const GENERATED_SIZES = {
  full: { adversarial: 10_000, benign: 2_000 },
  ci: { adversarial: 1_000, benign: 300 },
} as const;
export type GeneratedSize = keyof typeof GENERATED_SIZES;

export interface GeneratedFigures {
  adversarial: number;
  /** Adversarial replies with no error finding: they would be sent. Must be 0. */
  adversarialSent: GeneratedReply[];
  benign: number;
  /** Benign replies held by an error finding. At most 5%. */
  benignHeld: Array<GeneratedReply & { codes: string[] }>;
  byKind: Array<{ kind: string; total: number; wrong: number }>;
  msPerReply: number;
}

/** Runs every generated reply through checkReply, the validateReply activity's pure core. No servers needed. */
export function scoreGeneratedReplies(size: GeneratedSize, seed?: number): GeneratedFigures {
  const replies = generateReplies(GENERATED_SIZES[size], seed);
  const kinds = new Map<string, { total: number; wrong: number }>();
  const adversarialSent: GeneratedReply[] = [];
  const benignHeld: GeneratedFigures['benignHeld'] = [];
  const started = performance.now();
  for (const r of replies) {
    const findings = checkReply({
      reply: r.reply,
      proposedActions: r.proposedActions,
      account: generatorAccount,
      passages: generatorPassages,
      creditPolicy: generatorPolicy,
      conversation: ['Can you help me with my bill?'],
    });
    const sent = isReplyValid(findings);
    const wrong = r.adversarial === sent;
    if (wrong && r.adversarial) adversarialSent.push(r);
    if (wrong && !r.adversarial)
      benignHeld.push({ ...r, codes: findings.filter((f) => f.severity === 'error').map((f) => f.code) });
    const k = kinds.get(r.kind) ?? { total: 0, wrong: 0 };
    k.total++;
    if (wrong) k.wrong++;
    kinds.set(r.kind, k);
  }
  return {
    adversarial: replies.filter((r) => r.adversarial).length,
    adversarialSent,
    benign: replies.filter((r) => !r.adversarial).length,
    benignHeld,
    byKind: [...kinds].map(([kind, k]) => ({ kind, ...k })).sort((a, b) => a.kind.localeCompare(b.kind)),
    msPerReply: (performance.now() - started) / replies.length,
  };
}
