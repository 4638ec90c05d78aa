/**
 * Runs one labelled fault through the diagnoseFault workflow's decision steps, without Temporal: take the telemetry
 * gathered at the reference time, alter it as the variant says, call the diagnose model task, then let the fault
 * policy decide, from the catalog and never from the model, whether the action may run by itself.
 */
import { performance } from 'node:perf_hooks';
import { actionCatalog } from '../../domain/fault/catalog';
import type { FaultPolicy } from '../../domain/fault/policy';
import { diagnoseRequest } from '../../activities/fault/diagnose-request';
import type { TelemetryBundle } from '../../domain/fault/telemetry';
import type { ModelGateway } from '../../activities/model/contract';
import type { PromptTemplate } from '../../activities/model/prompt-library';
import { decideAction } from '../../workflows/fault/policy';
import type { FaultCase, FaultDecision, FaultLabels } from '../datasets/faults';
import { categoriseRootCause } from '../scoring/fault-categories';
import { failureOf, timedCall } from '../../activities/evaluation/model-call';
import type { CallTiming } from '../../activities/evaluation/outcomes';

export interface FaultOutcome {
  id: string;
  variant: string;
  expected: FaultLabels;
  /** Categories and catalog names only: the diagnosis text quotes device logs and stays out of eval_items. */
  predicted: {
    rootCause: string;
    action: string;
    decision: FaultDecision | '(none)';
    confidence: number | null;
    destructive: boolean | null;
  };
  calls: CallTiming[];
  latencyMs: number;
  error?: string;
}

export interface FaultRunnerDeps {
  /** Each case's telemetry as gathered at the reference time (datasets/faults.ts). */
  telemetry: ReadonlyMap<string, TelemetryBundle>;
  gateway: ModelGateway;
  prompt: PromptTemplate;
  policy: FaultPolicy;
  referenceTime: Date;
}

export function createFaultRunner({ telemetry: bundles, gateway, prompt, policy, referenceTime }: FaultRunnerDeps) {
  return async function run(c: FaultCase): Promise<FaultOutcome> {
    const bundle = bundles.get(c.id);
    if (!bundle) throw new Error(`no telemetry gathered for ${c.id}`);
    const telemetry = c.variant.apply(bundle, c.scenario);
    const calls: CallTiming[] = [];
    const started = performance.now();
    const done = (predicted: FaultOutcome['predicted'], error?: string): FaultOutcome => ({
      id: c.id,
      variant: c.variant.name,
      expected: c.expected,
      predicted,
      calls,
      latencyMs: performance.now() - started,
      ...(error ? { error } : {}),
    });
    const none = { rootCause: '(none)', action: '(none)', confidence: null, destructive: null };
    try {
      const diagnosis = await timedCall(gateway, diagnoseRequest(prompt, telemetry), calls);
      const action = actionCatalog[diagnosis.recommendedAction];
      const decision = decideAction(action, diagnosis.confidence, referenceTime, telemetry.device.timeZone, policy);
      return done({
        rootCause: categoriseRootCause(diagnosis.rootCause),
        action: action.type,
        decision: decision.mode,
        confidence: diagnosis.confidence,
        destructive: action.destructive,
      });
    } catch (error) {
      // As in the workflow: an answer that cannot be used pages the escalation tier, and nothing runs.
      const failure = failureOf(error);
      return done({ ...none, decision: failure.unusable ? 'escalate' : '(none)' }, failure.error);
    }
  };
}
