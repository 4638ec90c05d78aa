import type { z } from 'zod';

/**
 * A zod error as one line per problem, `path: message`, the way every boundary reports bad input: `root` names the
 * value itself when the problem is at its top, `prefix` the field the value came in (`signed.` for a decision).
 */
export function issueLines(error: z.ZodError, options: { root?: string; prefix?: string } = {}): string[] {
  const { root = '(root)', prefix = '' } = options;
  return error.issues.map((issue) => `${prefix}${issue.path.join('.') || root}: ${issue.message}`);
}
