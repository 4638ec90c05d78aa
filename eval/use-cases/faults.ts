/** `--use-case faults`: the seeded fault scenarios and their variants, diagnosed and put through the fault policy. */
import { faultPolicySchema } from '../../domain/fault/policy';
import type { TelemetryBundle } from '../../domain/fault/telemetry';
import { faultCases, faultsReferenceTime, gatherCaseTelemetry, type FaultCase } from '../datasets/faults';
import { faultVariants } from '../datasets/fault-variants';
import { mapLimit } from '../map-limit';
import { faultBlocks, faultCards, faultHeadlines } from '../report/faults';
import { createFaultRunner } from '../runners/faults';
import { abFiguresOf } from '../scoring/calls';
import { computeFaultFigures, faultItemCorrect, type FaultFigures } from '../scoring/faults';
import type { UseCaseDefinition } from '../use-case';

interface FaultData {
  referenceTime: Date;
  cases: FaultCase[];
  telemetry: Map<string, TelemetryBundle>;
  scenarios: number;
  limit?: number;
}

export function faultsUseCase(limit?: number): UseCaseDefinition<FaultData, FaultFigures> {
  return {
    useCase: 'faults',
    unit: 'diagnosis',
    prompts: ['fault/diagnose'],
    async prepare(_config, pool) {
      const referenceTime = faultsReferenceTime;
      const all = faultCases(referenceTime);
      const cases = limit === undefined ? all : all.slice(0, limit);
      const telemetry = await gatherCaseTelemetry(pool, cases, referenceTime);
      return { referenceTime, cases, telemetry, scenarios: new Set(all.map((c) => c.scenario.deviceId)).size, limit };
    },
    async pass(data, ctx) {
      const run = createFaultRunner({
        telemetry: data.telemetry,
        gateway: ctx.engine.gateway,
        prompt: ctx.prompts.diagnose,
        // The defaults are the policy's rules (80% and business hours); config only tunes the workflow's waits.
        policy: faultPolicySchema.parse({}),
        referenceTime: data.referenceTime,
      });
      const bar = ctx.progress.bar(`faults: ${ctx.label}`, data.cases.length);
      const outcomes = await mapLimit(data.cases, ctx.concurrency, async (c) => {
        const outcome = await run(c);
        bar.tick();
        return outcome;
      });
      const items = outcomes.map((o) => ({
        id: o.id,
        expected: { ...o.expected },
        predicted: { ...o.predicted, ...(o.error ? { error: o.error.slice(0, 200) } : {}) },
        correct: faultItemCorrect(o),
        confidence: o.predicted.confidence,
        latencyMs: o.latencyMs,
        costUsd: o.calls.reduce((s, c) => s + c.costUsd, 0),
      }));
      return { items, figures: computeFaultFigures(outcomes) };
    },
    headlines: faultHeadlines,
    abFigures: (label, f) =>
      abFiguresOf(
        label,
        { 'root cause': f.rootCause.accuracy, action: f.action.accuracy, decision: f.decision.accuracy },
        f.calls,
      ),
    cards: faultCards,
    blocks: faultBlocks,
    offlineNote:
      'a deterministic rule engine that matches known fault signatures in the telemetry (activities/model/offline/' +
      'diagnose.ts), NOT an LLM. Its rules were written for these very scenarios, so its accuracy here shows the ' +
      'pipeline and the policy working, not how well a model diagnoses an unseen fault.',
    datasetNote: (d) =>
      `${d.cases.length} items${d.limit !== undefined ? ` (first ${d.limit})` : ''}: the ${d.scenarios} seeded fault ` +
      `scenarios, each ${faultVariants.map((v) => `${v.name} (${v.description})`).join('; ')}. Alerts and the ` +
      `network, seeded into a private copy, are set at ${d.referenceTime.toISOString()}. The variants were ` +
      'added because five scenarios alone would make every percentage a multiple of 20.',
    notes: () => [
      'Labels: root-cause category, recommended action and decision as test/e2e/faults.test.ts and ' +
        'test/unit/offline-diagnose.test.ts expect them; the thin-evidence variant must go to a person. The source ' +
        "document's BGP example recommends contacting the peer's NOC first; the label follows the tests " +
        '(reset_bgp_session, with the peer NOC in the escalation note) and the policy sends it for approval anyway.',
      'The root cause is free text; its category comes from keyword patterns (eval/scoring/fault-categories.ts), ' +
        "which an LLM's wording can defeat. A category miss with the right action is worth reading before blaming " +
        'the model.',
      'The decision is the fault policy (workflows/fault/policy.ts) applied to the diagnosis at the reference time. ' +
        'An unusable answer counts as escalate, as the workflow pages the escalation tier then.',
    ],
  };
}
