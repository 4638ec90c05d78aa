/**
 * The labelled fault set: the five seeded scenarios (db/seed/network), each as seeded and in the altered forms of
 * fault-variants.ts. Alerts are dated at faultsReferenceTime, and the telemetry is read as the network stood then.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import { z } from 'zod';
import { networkTables, scenarioAlerts, seedNetwork } from '../../db/seed/network';
import { gatherTelemetryBundle } from '../../activities/fault/telemetry';
import type { TelemetryBundle } from '../../domain/fault/telemetry';
import { withScratchSchema } from '../scratch-schema';
import type { Alert } from '../../domain/fault/alert';
import { actionTypes } from '../../domain/fault/catalog';
import { rootCauseCategories } from '../scoring/fault-categories';
import { faultVariants, type FaultVariant } from './fault-variants';

export const faultDecisions = ['auto', 'approval', 'escalate'] as const;
export type FaultDecision = (typeof faultDecisions)[number];

const scenarioSchema = z
  .object({
    deviceId: z.string().min(1),
    rootCause: z.enum(rootCauseCategories),
    action: z.enum(actionTypes),
    decision: z.enum(faultDecisions),
    decisive: z.string().min(1),
  })
  .strict();
export type ScenarioLabels = z.infer<typeof scenarioSchema>;
export type FaultLabels = Pick<ScenarioLabels, 'rootCause' | 'action' | 'decision'>;

const fileSchema = z.object({ about: z.string(), scenarios: z.array(scenarioSchema).min(1) }).strict();

export interface FaultCase {
  id: string;
  scenario: ScenarioLabels;
  variant: FaultVariant;
  alert: Alert;
  expected: FaultLabels;
}

export function loadScenarioLabels(path = join(__dirname, 'faults-cases.json')): ScenarioLabels[] {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data.scenarios;
}

/** Scenario-major order, so a `--limit` slice covers every variant of the first scenarios. */
export function faultCases(referenceTime: Date, labels = loadScenarioLabels()): FaultCase[] {
  const alerts = scenarioAlerts(referenceTime);
  return labels.flatMap((scenario) => {
    const alert = alerts.find((a) => a.deviceId === scenario.deviceId);
    if (!alert) throw new Error(`faults-cases.json names ${scenario.deviceId}, which has no seeded scenario`);
    return faultVariants.map((variant) => ({
      id: `${scenario.deviceId.toLowerCase()}-${variant.name}`,
      scenario,
      variant,
      alert,
      expected: variant.labels(scenario),
    }));
  });
}

/**
 * The network is evaluated as seeded at this instant (01:00 in Sydney, 22:00 in Perth: outside business hours at
 * every site), in a private copy, so every run reads the same telemetry: a fault test or a real run that reset a BGP
 * session in the shared tables would otherwise change the answers between runs.
 */
export const faultsReferenceTime = new Date('2026-11-21T14:00:00Z');

/** Each case's telemetry, gathered once from a copy of the network seeded at the reference time. */
export async function gatherCaseTelemetry(
  pool: Pool,
  cases: readonly FaultCase[],
  referenceTime: Date,
): Promise<Map<string, TelemetryBundle>> {
  return withScratchSchema(pool, 'eval_faults', networkTables, async (scratch) => {
    const client = await scratch.connect();
    try {
      await seedNetwork(client, referenceTime);
    } finally {
      client.release();
    }
    const bundles = new Map<string, TelemetryBundle>();
    for (const c of cases) bundles.set(c.id, (await gatherTelemetryBundle(scratch, c.alert, referenceTime)).bundle);
    return bundles;
  });
}
