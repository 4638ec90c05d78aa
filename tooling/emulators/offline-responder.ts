import type { ModelTask, ProviderRequest } from '../../activities/model/contract';
import { loadPromptSet, createOfflineProvider } from '../../workers/model-deps';
import { expandSyslog, type CollapsedLine } from '../../activities/fault/syslog-collapse';
import type { EmulatedRequest, Responder } from './script';
import { constrainedSchema } from './strict-schema';

function tagged(text: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>\\s*([\\s\\S]*?)\\s*</${tag}>`).exec(text)?.[1];
}

/** Tries each closing tag in turn, so a tag quoted inside a JSON string (say a hostile syslog line) cannot cut it. */
function taggedJson(text: string, tag: string, from = 0): { value: unknown; end: number } {
  const open = text.indexOf(`<${tag}>`, from);
  const start = open + tag.length + 2;
  for (let end = open < 0 ? -1 : text.indexOf(`</${tag}>`, start); end >= 0; end = text.indexOf(`</${tag}>`, end + 1)) {
    try {
      return { value: JSON.parse(text.slice(start, end)), end };
    } catch {
      // That closing tag was inside a string: the JSON goes on.
    }
  }
  return { value: {}, end: from };
}

function faultVariables(user: string): Record<string, unknown> {
  const alert = taggedJson(user, 'alert');
  const telemetry = taggedJson(user, 'telemetry', alert.end).value as { syslog?: CollapsedLine[] };
  // The request sends the alert once and repeated lines as counts; the offline engine reads the bundle whole.
  return {
    alert: alert.value,
    telemetry: { ...telemetry, alert: alert.value, syslog: expandSyslog(telemetry.syslog ?? []) },
  };
}

function customerMessages(text: string): string[] {
  return [...text.matchAll(/<customer_message>([\s\S]*?)<\/customer_message>/g)].map((match) => match[1]!);
}

/** The task is the forced tool's name, or the structured-output schema's title. */
export function taskOf(body: {
  tool_choice?: { name?: string };
  output_config?: { format?: { schema?: { title?: string } } };
}): ModelTask | undefined {
  return (body?.tool_choice?.name ?? body?.output_config?.format?.schema?.title) as ModelTask | undefined;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((block) => (block as { text?: string }).text ?? '').join('\n');
  return '';
}

/**
 * Happy-path content for the emulators: reads back the structured facts our prompts carry (customer messages in
 * <customer_message> tags, JSON in <account_facts> and friends) and lets the offline engine answer. This is what makes
 * `MODEL_PROVIDER=anthropic make demo` give the same routes against the emulator as the offline run.
 */
export function createOfflineResponder(): Responder {
  const { taxonomy } = loadPromptSet();
  const engine = createOfflineProvider(taxonomy);
  return async (request) => {
    const task = taskOf(request.body);
    if (!task) return { kind: 'reply', text: 'I can only answer structured requests.', stopReason: 'end_turn' };
    const user = textOf(request.body.messages?.[0]?.content);
    const system = textOf(request.body.system);
    const conversation = customerMessages(user);
    const variables: Record<string, unknown> =
      task === 'classify_intent'
        ? { conversation }
        : {
            conversation,
            account: {
              ...JSON.parse(tagged(user, 'account_facts') ?? '{}'),
              customerRef: 'emulated',
              contact: { email: 'unknown@example.invalid', phone: '0000 000 000' },
            },
            passages: JSON.parse(tagged(user, 'knowledge_passages') ?? '[]'),
            classification: JSON.parse(tagged(user, 'classification') ?? '{}'),
            // Only the duplicate-refund rule is in the prompt; it is the only row the offline composer reads.
            creditPolicy: JSON.parse(tagged(system, 'duplicate_refund_policy') ?? '[]'),
          };
    const request_: ProviderRequest = {
      task,
      variables:
        task === 'diagnose_fault'
          ? faultVariables(user)
          : task === 'extract_incident'
            ? { incident: taggedJson(user, 'incident').value }
            : task === 'summarise_fraud'
              ? { account: taggedJson(user, 'flagged_account').value }
              : variables,
      prompt: { id: 'emulated', version: 'emulated', system, messages: [{ role: 'user', content: user }] },
      jsonSchema: {},
      maxTokens: request.body.max_tokens ?? 1024,
      tier: 'fast',
    };
    const answer = await engine.complete(request_);
    return { kind: 'reply', toolInput: asAsked(request.body, JSON.parse(answer.text)) };
  };
}

/**
 * The engine's answer in the shape the request asked for: a field the schema does not declare (classify's department,
 * which the taxonomy supplies) is one a constrained model could not write, so it is left out.
 */
function asAsked(body: EmulatedRequest['body'], answer: unknown): unknown {
  const schema = constrainedSchema(body ?? {}) as { properties?: Record<string, unknown> } | undefined;
  if (!schema?.properties || typeof answer !== 'object' || answer === null || Array.isArray(answer)) return answer;
  const declared = schema.properties;
  return Object.fromEntries(Object.entries(answer).filter(([key]) => key in declared));
}
