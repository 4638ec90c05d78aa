import { z } from 'zod';

export const modelPriceSchema = z.object({
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
  cacheReadMultiplier: z.number().nonnegative().default(0.1),
  cacheWrite5mMultiplier: z.number().nonnegative().default(1.25),
  batchMultiplier: z.number().nonnegative().default(0.5),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;
