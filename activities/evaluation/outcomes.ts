import type { ModelCallRecord } from '../../domain/model-call';

/** One model call as the evaluation saw it: wall time around the gateway, usage and cost from its record. */
export interface CallTiming {
  task: string;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  modelId: string;
  promptId: string;
  promptVersion: string;
}

export function timingOf(record: ModelCallRecord, latencyMs: number): CallTiming {
  return {
    task: record.task,
    latencyMs,
    inputTokens: record.usage.inputTokens + record.usage.cacheReadTokens + record.usage.cacheWriteTokens,
    outputTokens: record.usage.outputTokens,
    costUsd: record.costUsd,
    modelId: record.modelId,
    promptId: record.promptId,
    promptVersion: record.promptVersion,
  };
}

export interface Labels {
  intent?: string;
  department?: string;
  route?: string;
}

export interface TicketOutcome {
  id: string;
  tags: string[];
  stage: 'classify' | 'full';
  expected: Labels;
  predicted: Labels & {
    secondaryIntent?: string | null;
    confidence?: number;
    replyConfidence?: number | null;
    findings?: string[];
    credit?: boolean;
    reply?: string | null;
  };
  calls: CallTiming[];
  /** Wall time of the whole item: model calls plus retrieval, guardrails and routing. */
  latencyMs: number;
  /** A failure the pipeline could not turn into a route (transport error, unknown account). */
  error?: string;
}
