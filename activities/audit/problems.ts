/** What verification can find wrong, each over a range of seqs. */
export type ProblemKind =
  | 'gap'
  | 'broken_link'
  | 'hash_mismatch'
  | 'downgrade'
  | 'unknown_key'
  | 'anchor_moved'
  | 'anchor_mismatch'
  | 'tail_missing';

export interface ChainProblem {
  kind: ProblemKind;
  fromSeq: number;
  toSeq: number;
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Rows that checked out. */
  rows: number;
  lastSeq: number | null;
  /** External anchors compared with the chain, and the newest seq among them. */
  anchors: { checked: number; latestSeq: number | null };
  problems: ChainProblem[];
  /** For clients that read only the first problem: its fromSeq and a one-line account of them all. */
  firstBadSeq?: number;
  reason?: string;
}

const range = (fromSeq: number, toSeq: number) => (fromSeq === toSeq ? `row ${fromSeq}` : `rows ${fromSeq}..${toSeq}`);

/** One line per problem, the seq range first: "rows 21..30 missing after an anchor (...)". */
export const describeProblem = (problem: ChainProblem) => `${range(problem.fromSeq, problem.toSeq)} ${problem.detail}`;

/** Adjacent rows with the same fault are one problem: a rehashed tail is one range, not a thousand lines. */
export function addProblem(
  problems: ChainProblem[],
  kind: ProblemKind,
  fromSeq: number,
  toSeq: number,
  detail: string,
): void {
  const last = problems[problems.length - 1];
  if (last && last.kind === kind && last.detail === detail && last.toSeq + 1 === fromSeq) {
    last.toSeq = toSeq;
    return;
  }
  problems.push({ kind, fromSeq, toSeq, detail });
}

export function summarise(result: Omit<AuditVerification, 'ok' | 'firstBadSeq' | 'reason'>): AuditVerification {
  if (!result.problems.length) return { ok: true, ...result };
  return {
    ok: false,
    ...result,
    firstBadSeq: result.problems[0]!.fromSeq,
    reason: result.problems.map(describeProblem).join('; '),
  };
}
