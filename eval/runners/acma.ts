/**
 * Extracts one incident as extractIncidentFacts does, without Temporal: the record as the model sees it, the same
 * request, and the same cross-check against the record that sends a disagreeing figure to a reviewer.
 */
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { crossCheck } from '../../domain/compliance/cross-check';
import type { IncidentFacts } from '../../domain/compliance/facts';
import { extractIncidentRequest } from '../../activities/compliance/extract-request';
import { readIncident } from '../../activities/compliance/incidents';
import type { ModelGateway } from '../../activities/model/contract';
import type { PromptTemplate } from '../../activities/model/prompt-library';
import type { AcmaCase, AcmaLabels } from '../datasets/acma';
import type { HandwrittenCase } from '../datasets/acma-handwritten';
import { outcomeOf, type HandwrittenOutcome } from '../scoring/acma-handwritten';
import { failureOf, timedCall } from '../../activities/evaluation/model-call';
import type { CallTiming } from '../../activities/evaluation/outcomes';

export interface AcmaOutcome {
  id: string;
  expected: AcmaLabels;
  /** Extracted facts are labels (type, count, dates): no incident text reaches eval_items. */
  predicted: IncidentFacts | null;
  /** Fields the cross-check questioned: in the workflow, each waits for a reviewer. */
  mismatches: string[];
  calls: CallTiming[];
  latencyMs: number;
  unusable: boolean;
  error?: string;
}

export function createIncidentRunner(pool: Pool, gateway: ModelGateway, prompt: PromptTemplate) {
  return async function run(c: AcmaCase): Promise<AcmaOutcome> {
    const { incident, source } = await readIncident(pool, c.id);
    const calls: CallTiming[] = [];
    const started = performance.now();
    const base = { id: c.id, expected: c.expected, calls };
    try {
      const facts = await timedCall(gateway, extractIncidentRequest(prompt, incident), calls);
      const mismatches = crossCheck(facts, source).map((m) => m.field);
      return { ...base, predicted: facts, mismatches, latencyMs: performance.now() - started, unusable: false };
    } catch (error) {
      return { ...base, predicted: null, mismatches: [], latencyMs: performance.now() - started, ...failureOf(error) };
    }
  };
}

/** One hand-written record through the same request and cross-check, without the database. */
export function createRecordRunner(gateway: ModelGateway, prompt: PromptTemplate) {
  return async function run(c: HandwrittenCase): Promise<HandwrittenOutcome> {
    try {
      return outcomeOf(c, await timedCall(gateway, extractIncidentRequest(prompt, c.incident), []));
    } catch {
      return outcomeOf(c, null);
    }
  };
}
