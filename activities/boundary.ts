import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import { ErrorTypes } from '../domain/errors';
import { issueLines } from '../domain/zod-issues';

/** Activities validate what they receive: a bad argument is a bug upstream, and retrying it cannot help. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, activity: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issueLines(result.error, { root: '(input)' });
  throw ApplicationFailure.create({
    type: ErrorTypes.InvalidInput,
    message: `${activity}: invalid input (${issues.join('; ')})`,
    nonRetryable: true,
  });
}
