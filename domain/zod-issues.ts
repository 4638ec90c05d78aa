import type { z } from 'zod';

/**
 * A zod error as one line per problem, `path: message`, the way every boundary reports bad input: `root` names the
 * value itself when the problem is at its top, `prefix` the field the value came in (`signed.` for a decision).
 */
export function issueLines(error: z.ZodError, options: { root?: string; prefix?: string } = {}): string[] {
  const { root = '(root)', prefix = '' } = options;
  return error.issues.map((issue) => `${prefix}${issue.path.join('.') || root}: ${issue.message}`);
}

/** Only the first problem, for a one-line refusal recorded in history; `none` when zod gave no issue at all. */
export function firstIssueLine(error: z.ZodError, options: { root?: string; none?: string } = {}): string {
  const { root = '(root)', none = '' } = options;
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || root}: ${issue.message}` : none;
}
