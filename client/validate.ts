import type { z } from 'zod';
import { issueLines } from '../domain/zod-issues';

/** A request that failed validation: nothing was started or sent. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
  constructor(
    readonly what: string,
    readonly issues: string[],
  ) {
    super(`invalid ${what}: ${issues.join('; ')}`);
  }
}

export function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequestError(what, issueLines(result.error));
}
