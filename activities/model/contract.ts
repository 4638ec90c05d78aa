import type { z } from 'zod';
import type { ModelCallRecord, ModelTier, Usage } from '../../domain/model-call';

export type ModelTask = 'classify_intent' | 'draft_reply' | 'diagnose_fault' | 'extract_incident' | 'summarise_fraud';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A prompt file rendered with its variables. `version` is the hash of the file it came from. */
export interface RenderedPrompt {
  id: string;
  version: string;
  system: string;
  messages: ChatMessage[];
}

/** The one request every activity makes, whichever provider serves it. */
export interface ModelRequest<T> {
  task: ModelTask;
  prompt: RenderedPrompt;
  /** The structured values the prompt was rendered from; engines that are not LLMs read these instead of prose. */
  variables: Record<string, unknown>;
  schema: z.ZodType<T>;
  /** JSON Schema of `schema`, generated once, sent to LLM providers as the forced tool's input schema. */
  jsonSchema: Record<string, unknown>;
  maxTokens: number;
  tier: ModelTier;
}

/** What a provider returns before the gateway parses it: the tool input as JSON text. */
export interface ProviderResponse {
  text: string;
  usage: Usage;
  modelId: string;
  requestId: string;
  stopReason: string;
}

export interface ProviderRequest {
  task: ModelTask;
  prompt: RenderedPrompt;
  variables: Record<string, unknown>;
  jsonSchema: Record<string, unknown>;
  maxTokens: number;
  tier: ModelTier;
  /** Set on the single repair attempt: the validation error of the first answer. */
  repairOf?: { text: string; error: string };
}

export interface BatchItemResult {
  customId: string;
  response?: ProviderResponse;
  error?: string;
}

/** Message Batches: half price, answered within 24 hours. For work that can wait. */
export interface BatchCapability {
  submit(items: Array<{ customId: string; request: ProviderRequest }>): Promise<{ batchId: string }>;
  status(batchId: string): Promise<{ ended: boolean; counts: Record<string, number> }>;
  results(batchId: string): Promise<BatchItemResult[]>;
}

export interface ModelProvider {
  readonly name: string;
  complete(request: ProviderRequest): Promise<ProviderResponse>;
  /** Absent when the provider has no batch API in this project (Bedrock batch inference needs S3 jobs). */
  readonly batch?: BatchCapability;
}

export interface ModelResponse<T> {
  output: T;
  rawText: string;
  record: ModelCallRecord;
}

export interface BatchOutcome<T> {
  customId: string;
  output?: T;
  error?: string;
  record?: ModelCallRecord;
}

export interface ModelGateway {
  call<T>(request: ModelRequest<T>): Promise<ModelResponse<T>>;
  submitBatch(items: Array<{ customId: string; request: ModelRequest<unknown> }>): Promise<{ batchId: string }>;
  batchStatus(batchId: string): Promise<{ ended: boolean; counts: Record<string, number> }>;
  /** Parses each item with `schema`; batches get no repair call, so an invalid item comes back as an error. */
  batchResults<T>(
    batchId: string,
    schema: z.ZodType<T>,
    meta: { task: ModelTask; prompt: { id: string; version: string } },
  ): Promise<BatchOutcome<T>[]>;
}
