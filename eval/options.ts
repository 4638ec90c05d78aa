import { resolve } from 'node:path';
import { z } from 'zod';
import { defaultCalibrationsDir } from '../config/calibration';

export const useCases = ['tickets', 'faults', 'fraud', 'acma', 'guardrails'] as const;
/** 001's medium band: about 8% of reviewed answers wrong. Each one costs an agent a rejection, not a customer harm. */
export const DEFAULT_REVIEW_TARGET_ERROR = 0.08;

const positiveInt = z.coerce.number().int().positive();
const rate = z.coerce.number().gt(0).lt(1);
const rates = z
  .string()
  .transform((s) => s.split(',').map((r) => Number(r.trim())))
  .pipe(z.array(z.number().gt(0).lt(1)).min(1));

/** What the command line may say, checked once; commander parses, zod decides what is valid. */
export const evalOptionsSchema = z
  .object({
    useCase: z.enum(useCases),
    provider: z.enum(['offline', 'anthropic', 'bedrock']).optional(),
    promptVersion: z.string().default('current'),
    vs: z.string().optional(),
    model: z.string().optional(),
    vsModel: z.string().optional(),
    limit: positiveInt.optional(),
    targetError: rates.default([0.02, 0.08]),
    concurrency: positiveInt.optional(),
    accounts: positiveInt.optional(),
    fairness: z.boolean().default(false),
    reportsDir: z.string().optional(),
    store: z.boolean().default(true),
    size: z.enum(['full', 'ci']).default('full'),
    calibrate: z.boolean().default(false),
    /** The reviewed band's error target; the send target is the first --target-error rate. */
    reviewTargetError: rate.default(DEFAULT_REVIEW_TARGET_ERROR),
    calibrationsDir: z.string().optional(),
    cases: z.string().optional(),
    emulator: z.boolean().default(false),
  })
  .refine((o) => !(o.fairness && (o.vs || o.vsModel)), {
    message: '--fairness runs one variant; drop --vs/--vs-model',
  })
  .refine((o) => !o.fairness || o.useCase === 'tickets', { message: '--fairness is a tickets evaluation' })
  .refine((o) => o.accounts === undefined || o.useCase === 'fraud', { message: '--accounts is for --use-case fraud' })
  .refine((o) => o.size === 'full' || o.useCase === 'guardrails', { message: '--size is for --use-case guardrails' })
  .refine((o) => o.limit === undefined || o.useCase !== 'acma', {
    message: "--limit does not apply to acma: a report's verdict needs every incident of its month",
  })
  .refine((o) => !o.calibrate || (o.useCase === 'tickets' && !o.fairness), {
    message: '--calibrate is a tickets evaluation',
  })
  .refine((o) => !o.calibrate || !(o.vs || o.vsModel), { message: '--calibrate fits one model; drop --vs/--vs-model' })
  .refine((o) => !o.calibrate || o.limit === undefined, {
    message: '--calibrate fits on every labelled ticket; drop --limit (or pass fewer with --cases)',
  })
  .refine((o) => !o.cases || o.useCase === 'tickets', { message: '--cases is for --use-case tickets' })
  .refine((o) => !o.emulator || (o.provider !== undefined && o.provider !== 'offline'), {
    message: '--emulator needs --provider anthropic or bedrock',
  })
  // The emulator is answered by the offline engine: a fit on it says nothing about the real model, so it may never
  // land where production reads calibrations.
  .refine(
    (o) => !(o.emulator && o.calibrate) || (o.calibrationsDir && resolve(o.calibrationsDir) !== defaultCalibrationsDir),
    {
      message:
        '--calibrate with --emulator needs another --calibrations-dir: an emulated fit must not replace a real one',
    },
  );
export type CliOptions = z.infer<typeof evalOptionsSchema>;

export async function parseEvalOptions(argv: string[]): Promise<CliOptions> {
  // commander 15 is ESM-only; a dynamic import is how this CommonJS project loads it.
  const { Command, Option } = await import('commander');
  const program = new Command('eval')
    .description('Labelled evaluation of a use case: accuracy, calibration, guardrails, latency, cost; A/B; fairness')
    .addOption(new Option('--use-case <name>', 'what to evaluate').choices(useCases).makeOptionMandatory())
    .addOption(new Option('--provider <name>', 'override MODEL_PROVIDER').choices(['offline', 'anthropic', 'bedrock']))
    .option('--prompt-version <name>', 'prompt set A: current, or a directory under eval/prompt-variants', 'current')
    .option('--vs <name>', 'prompt set B for an A/B run')
    .option('--model <id>', 'fast-tier model for A (LLM providers)')
    .option('--vs-model <id>', 'fast-tier model for B (LLM providers)')
    .option('--limit <n>', 'evaluate only the first n items (tickets: full-pipeline first; fraud: n summaries)')
    .option('--target-error <rates>', 'error rates to find send thresholds for, comma-separated', '0.02,0.08')
    .option('--concurrency <n>', 'items in flight (default 1 offline, 4 otherwise)')
    .option('--accounts <n>', 'fraud: accounts in the generated population (default 20000)')
    .option('--fairness', 'run the fairness blind test instead: swapped names and postcodes')
    .option('--reports-dir <dir>', 'where reports go (default $REPORTS_DIR/eval)')
    .option('--no-store', 'do not write eval_runs rows')
    .addOption(
      new Option('--size <size>', 'guardrails: generated replies, full (10,000) or ci (1,000)').choices(['full', 'ci']),
    )
    .option('--calibrate', 'tickets: fit the send and review thresholds for this model and store them')
    .option('--review-target-error <rate>', 'with --calibrate: error rate allowed among reviewed tickets', '0.08')
    .option('--calibrations-dir <dir>', 'with --calibrate: where to store it (default $TICKET_CALIBRATIONS_DIR)')
    .option('--cases <file.jsonl>', "tickets: the operator's own labelled tickets instead of the built-in set")
    .option('--emulator', "answer the provider's API with the loopback emulator (offline engine; tests only)");
  const opts = program.parse(argv, { from: 'user' }).opts<Record<string, unknown>>();
  const parsed = evalOptionsSchema.safeParse(opts);
  if (!parsed.success) program.error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data!;
}
