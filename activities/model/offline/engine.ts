import { createHash } from 'node:crypto';
import type { Classification, Draft } from '../../../domain/ticket';
import type { BatchItemResult, ModelProvider, ProviderRequest, ProviderResponse } from '../contract';
import type { SummariseFraudVariables } from './summarise-fraud';
import type { ClassifyVariables, DraftVariables } from '../tasks';
import type { DiagnoseVariables } from './diagnose';
import type { ExtractIncidentVariables } from './extract-incident';

export const OFFLINE_MODEL_ID = 'switchboard-offline-1';

export interface OfflineEngineDeps {
  classify: (variables: ClassifyVariables) => Classification;
  draft: (variables: DraftVariables) => Draft;
  /** Optional so engines built before fault diagnosis existed keep compiling; the task fails without it. */
  diagnose?: (variables: DiagnoseVariables) => unknown;
  /** Optional for the same reason: compliance reporting came later still. */
  extractIncident?: (variables: ExtractIncidentVariables) => unknown;
  summariseFraud?: (variables: SummariseFraudVariables) => unknown;
  /** Simulated service time, for tests and benchmarks that need a call to take a while. */
  latencyMs?: number;
}

/** A rough count for the usage report; real providers return exact figures. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The embedded default engine. It is NOT a language model: a naive Bayes intent classifier trained on the labelled
 * examples under prompts/ticket/training, and a reply composer that only rearranges retrieved passages and account
 * facts. It honours the same contract as the LLM providers, so workflows cannot tell which one served them.
 */
export function createOfflineEngine(deps: OfflineEngineDeps): ModelProvider {
  // Batches finish at once offline; kept in memory because the engine itself has no state worth persisting.
  const batches = new Map<string, BatchItemResult[]>();
  const engine: ModelProvider = {
    name: 'offline',
    batch: {
      async submit(items) {
        const results: BatchItemResult[] = [];
        for (const item of items)
          results.push({ customId: item.customId, response: await engine.complete(item.request) });
        const batchId = `offline_batch_${createHash('sha256')
          .update(items.map((i) => i.customId).join('\n'))
          .digest('hex')
          .slice(0, 16)}`;
        batches.set(batchId, results);
        return { batchId };
      },
      async status(batchId) {
        const results = batches.get(batchId);
        if (!results) throw new Error(`unknown offline batch ${batchId}`);
        return { ended: true, counts: { succeeded: results.length } };
      },
      async results(batchId) {
        const results = batches.get(batchId);
        if (!results) throw new Error(`unknown offline batch ${batchId}`);
        return results;
      },
    },
    async complete(request: ProviderRequest): Promise<ProviderResponse> {
      if (deps.latencyMs) await new Promise((resolve) => setTimeout(resolve, deps.latencyMs));
      const output = run(deps, request);
      const text = JSON.stringify(output);
      const promptText = request.prompt.system + request.prompt.messages.map((m) => m.content).join('\n');
      return {
        text,
        usage: {
          inputTokens: estimateTokens(promptText),
          outputTokens: estimateTokens(text),
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
        },
        modelId: OFFLINE_MODEL_ID,
        requestId: `offline_${createHash('sha256').update(promptText).digest('hex').slice(0, 16)}`,
        stopReason: 'tool_use',
      };
    },
  };
  return engine;
}

function run(deps: OfflineEngineDeps, request: ProviderRequest): unknown {
  switch (request.task) {
    case 'classify_intent':
      return deps.classify(request.variables as unknown as ClassifyVariables);
    case 'draft_reply':
      return deps.draft(request.variables as unknown as DraftVariables);
    case 'diagnose_fault':
      if (!deps.diagnose) throw new Error('the offline engine was built without a diagnose handler');
      return deps.diagnose(request.variables as unknown as DiagnoseVariables);
    case 'extract_incident':
      if (!deps.extractIncident) throw new Error('the offline engine was built without an extract_incident handler');
      return deps.extractIncident(request.variables as unknown as ExtractIncidentVariables);
    case 'summarise_fraud':
      if (!deps.summariseFraud) throw new Error('the offline engine was built without a summarise_fraud handler');
      return deps.summariseFraud(request.variables as unknown as SummariseFraudVariables);
    default:
      throw new Error(`the offline engine has no handler for task ${String(request.task)}`);
  }
}
