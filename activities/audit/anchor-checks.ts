import { addProblem, type ChainProblem } from './problems';

/** A (seq, hash) copy of the chain head, taken at `at` and kept outside PostgreSQL (a Temporal workflow result). */
export interface ExternalAnchor {
  seq: number;
  hash: string;
  at: string;
  workflowId?: string;
}

/**
 * The retention anchor says where the chain starts. It is legitimate when the newest keyed audit.pruned record
 * names it (seq and hash); rows under an anchor set before the chain was keyed have no record and start unkeyed.
 * Anything else is a prefix deleted and the anchor moved by hand.
 */
export function checkRetentionAnchor(
  problems: ChainProblem[],
  anchor: { seq: number; hash: string },
  record: { toSeq: number; anchorHash: string } | null,
  firstAlgorithm: string | null,
): void {
  if (record?.toSeq === anchor.seq) {
    if (record.anchorHash !== anchor.hash) {
      addProblem(problems, 'anchor_mismatch', anchor.seq, anchor.seq, 'anchor hash does not match its prune record');
    }
    return;
  }
  if (!record && firstAlgorithm === 'sha256') return;
  const fromSeq = record && record.toSeq < anchor.seq ? record.toSeq + 1 : 1;
  const recorded = record ? `the last keyed prune record ends at seq ${record.toSeq}` : 'no keyed prune record';
  addProblem(
    problems,
    'anchor_moved',
    fromSeq,
    anchor.seq,
    `removed outside retention: anchor moved to seq ${anchor.seq} (${recorded})`,
  );
}

/**
 * Compares the chain with the anchors held in Temporal: an anchored seq past the last row means rows were cut from
 * the end; an anchored hash that differs from the row (or the retention anchor) means the chain was rewritten,
 * whatever the rows now say about themselves. Anchors under the retention anchor cover rows pruned since.
 */
export function checkExternalAnchors(
  problems: ChainProblem[],
  anchors: ExternalAnchor[],
  chain: { start: { seq: number; hash: string }; lastSeq: number; hashes: ReadonlyMap<number, string> },
): void {
  const sorted = [...anchors].sort((a, b) => a.seq - b.seq);
  const mismatched: ExternalAnchor[] = [];
  for (const anchor of sorted) {
    if (anchor.seq === 0 || anchor.seq > chain.lastSeq) continue;
    if (anchor.seq === chain.start.seq) {
      if (anchor.hash !== chain.start.hash) mismatched.push(anchor);
    } else if (anchor.seq > chain.start.seq) {
      const stored = chain.hashes.get(anchor.seq);
      if (stored !== undefined && stored !== anchor.hash) mismatched.push(anchor);
    }
  }
  if (mismatched.length) {
    const first = mismatched[0]!;
    const last = mismatched[mismatched.length - 1]!;
    addProblem(
      problems,
      'anchor_mismatch',
      first.seq,
      last.seq,
      `${first.seq === chain.start.seq ? 'anchor hash does not match anchored history' : 'differ from anchored history'}: ` +
        `${mismatched.length} Temporal anchor(s) from ${first.at} hold other hashes`,
    );
  }
  const newest = sorted[sorted.length - 1];
  if (newest && newest.seq > chain.lastSeq) {
    addProblem(
      problems,
      'tail_missing',
      chain.lastSeq + 1,
      newest.seq,
      `missing after an anchor: seq ${newest.seq} was anchored in Temporal at ${newest.at}, the chain ends at seq ${chain.lastSeq}`,
    );
  }
}
