/**
 * A ticket-routing calibration: the send and review thresholds fitted for one provider and model by
 * `npm run eval -- --use-case tickets --calibrate`, with the record of the fit. One JSON file per provider and model,
 * `<dir>/<provider>/<model id, URI-encoded>.json`, reviewed like code; checked with zod whenever it is read.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { issueLines } from '../domain/zod-issues';

/** Where calibrations live unless TICKET_CALIBRATIONS_DIR says otherwise: beside this module, under version control. */
export const defaultCalibrationsDir = join(__dirname, 'calibrations');

export const calibrationProviders = ['offline', 'anthropic', 'bedrock'] as const;
export type CalibrationProvider = (typeof calibrationProviders)[number];

const rate = z.number().min(0).max(1);
const routeShareSchema = z
  .object({
    n: z.number().int().min(0),
    share: rate,
    errors: z.number().int().min(0),
    errorRate: rate.nullable(),
  })
  .strict();
const fittedShareSchema = routeShareSchema.extend({ targetError: rate, met: z.boolean() }).strict();

export const calibrationSchema = z
  .object({
    provider: z.enum(calibrationProviders),
    model: z.string().min(1),
    /** Send when the routing confidence is above this; 1 sends nothing. */
    sendThreshold: rate,
    /** Agent review from this up to the send threshold; escalate below. */
    reviewThreshold: rate,
    fit: z
      .object({
        /** The calendar day (UTC) the fit was made. */
        date: z.iso.date(),
        command: z.string().min(1),
        /** Which labelled tickets, and how many of each kind. */
        dataset: z.string().min(1),
        /** Who answered: the provider's API, the loopback emulator (tests only), or the offline engine. */
        servedBy: z.enum(['api', 'emulator', 'offline-engine']),
        n: z.number().int().positive(),
        /** What an error is, and which confidence was compared. */
        definition: z.string().min(1),
        send: fittedShareSchema,
        review: fittedShareSchema,
        escalate: routeShareSchema,
        promptVersions: z.record(z.string(), z.string()),
      })
      .strict(),
  })
  .strict()
  .refine((c) => c.reviewThreshold <= c.sendThreshold, {
    message: 'reviewThreshold must not exceed sendThreshold',
    path: ['reviewThreshold'],
  });
export type Calibration = z.infer<typeof calibrationSchema>;

export class CalibrationFileError extends Error {
  override readonly name = 'CalibrationFileError';
}

/** Model ids may hold ':' or '/' (Bedrock profiles and ARNs): encoded, each id maps to one file name and back. */
export const calibrationPath = (dir: string, provider: CalibrationProvider, model: string): string =>
  join(dir, provider, `${encodeURIComponent(model)}.json`);

/** The calibration for this provider and model, or null when there is none. A file that fails the schema throws. */
export function loadCalibration(dir: string, provider: CalibrationProvider, model: string): Calibration | null {
  const path = calibrationPath(dir, provider, model);
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CalibrationFileError(`${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = calibrationSchema.safeParse(json);
  if (!parsed.success) {
    const issues = issueLines(parsed.error, { root: '(file)' }).join('; ');
    throw new CalibrationFileError(`${path}: ${issues}`);
  }
  if (parsed.data.provider !== provider || parsed.data.model !== model) {
    throw new CalibrationFileError(
      `${path}: fitted for ${parsed.data.provider}/${parsed.data.model}, not ${provider}/${model}`,
    );
  }
  return parsed.data;
}

/** Writes a calibration where loadCalibration will find it; checked first, so a bad fit never reaches the file. */
export function saveCalibration(dir: string, calibration: Calibration): string {
  const checked = calibrationSchema.parse(calibration);
  const path = calibrationPath(dir, checked.provider, checked.model);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(checked, null, 2)}\n`);
  return path;
}
