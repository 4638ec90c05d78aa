import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { issueLines } from '../../domain/zod-issues';

/** One JSON object per line, each checked against `schema`; errors name the file and line so a typo is quick to find. */
export function readJsonl<S extends z.ZodType>(path: string, schema: S): z.infer<S>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${path}:${number}: invalid JSON (${(error as Error).message})`);
      }
      const result = schema.safeParse(json);
      if (!result.success) throw new Error(`${path}:${number}: ${issueLines(result.error).join('; ')}`);
      return result.data;
    });
}
