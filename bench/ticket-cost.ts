import Anthropic from '@anthropic-ai/sdk';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModelGateway } from '../activities/model/gateway';
import { costUsd } from '../activities/model/pricing';
import { promptsDir } from '../activities/model/prompt-library';
import { createAnthropicProvider } from '../activities/model/providers/anthropic';
import { callClassifier, callDrafter } from '../activities/ticket/model-tasks';
import type { ModelCallRecord } from '../domain/model-call';
import { startAnthropicEmulator } from '../tooling/emulators';
import { createOfflineResponder } from '../tooling/emulators/offline-responder';
import {
  creditPolicy,
  duplicateChargeAccount,
  duplicatePassage,
  roamingPassage,
  travelBuddyAccount,
} from '../test/unit/guardrails/fixtures';
import { loadPromptSet } from '../workers/model-deps';
import { runScript, scriptCommand } from '../client/cli/script-args';

/**
 * What a ticket's model calls cost on the Anthropic path: the real SDK and gateway against the API emulator, which
 * charges cache writes and reads as the API does, answered strictly by the offline engine. Each ticket is classified
 * and drafted in turn, as the workflow does; the figures are the gateway's own cost records.
 */
const FAST = 'claude-haiku-4-5-20251001';

function messages(count: number): string[] {
  const rows = readFileSync(join(promptsDir, 'ticket', 'training', 'switchboard-intents.csv'), 'utf8').split('\n');
  const texts = rows
    .slice(1)
    .map((row) => (row.startsWith('"') ? row.slice(1, row.lastIndexOf('"')) : row.split(',')[0]!));
  const usable = texts.filter((text) => text.length > 10);
  // Spread across the file, so every intent group is in the sample.
  return Array.from({ length: count }, (_, i) => usable[Math.floor((i * usable.length) / count)]!);
}

export async function ticketCost(count: number) {
  const { taxonomy, prompts } = loadPromptSet();
  const offline = createOfflineResponder();
  const emulator = await startAnthropicEmulator({ responder: offline, strictAnswers: true });
  const client = new Anthropic({ apiKey: 'bench', baseURL: emulator.url, maxRetries: 0 });
  const provider = createAnthropicProvider({ client, modelIds: { fast: FAST, strong: FAST } });
  const gateway = createModelGateway({ provider, modelIds: { fast: FAST, strong: FAST } });
  const calls: ModelCallRecord[] = [];
  try {
    for (const [i, message] of messages(count).entries()) {
      const classified = await callClassifier(gateway, prompts.classify, taxonomy, [message], 'en-AU');
      const roaming = i % 2 === 1;
      const drafted = await callDrafter(gateway, prompts.draft, {
        conversation: [message],
        classification: classified.classification,
        account: roaming ? travelBuddyAccount : duplicateChargeAccount,
        passages: [roaming ? roamingPassage : duplicatePassage],
        creditPolicy,
        today: '2026-12-05',
        locale: 'en-AU',
      });
      calls.push(classified.call, drafted.call);
    }
  } finally {
    await emulator.close();
  }
  const byTask = (task: string) => calls.filter((call) => call.task === task);
  const sum = (list: ModelCallRecord[], pick: (c: ModelCallRecord) => number) => list.reduce((n, c) => n + pick(c), 0);
  // The same calls priced as if nothing were cached: what the prefix costs without a hit.
  const uncached = (c: ModelCallRecord) =>
    costUsd(c.modelId, {
      ...c.usage,
      inputTokens: c.usage.inputTokens + c.usage.cacheReadTokens + c.usage.cacheWriteTokens,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
  const tasks = ['classify_intent', 'draft_reply'].map((task) => {
    const list = byTask(task);
    return {
      task,
      calls: list.length,
      callsWithCacheRead: list.filter((c) => c.usage.cacheReadTokens > 0).length,
      callsWithCacheWrite: list.filter((c) => c.usage.cacheWriteTokens > 0).length,
      firstCallCacheWrite: list[0]?.usage.cacheWriteTokens ?? 0,
      meanInputTokens: Math.round(sum(list, (c) => c.usage.inputTokens) / list.length),
      meanCacheReadTokens: Math.round(sum(list, (c) => c.usage.cacheReadTokens) / list.length),
      meanOutputTokens: Math.round(sum(list, (c) => c.usage.outputTokens) / list.length),
      costPerCallUsd: sum(list, (c) => c.costUsd) / list.length,
      uncachedCostPerCallUsd: sum(list, uncached) / list.length,
    };
  });
  return {
    tickets: count,
    model: FAST,
    costPerTicketUsd: sum(calls, (c) => c.costUsd) / count,
    uncachedCostPerTicketUsd: sum(calls, uncached) / count,
    repairs: calls.filter((c) => c.repaired).length,
    tasks,
  };
}

/** `npx tsx bench/ticket-cost.ts [tickets]` */
export async function parseTicketCostOptions(argv: string[]): Promise<{ tickets: number }> {
  const { program, Argument, values } = await scriptCommand(
    'npx tsx bench/ticket-cost.ts',
    "What a ticket's model calls cost on the Anthropic path, against the API emulator: JSON on stdout",
  );
  program.addArgument(
    new Argument('[tickets]', 'tickets to classify and draft').argParser(values.positiveInteger).default(100),
  );
  const [tickets] = program.parse(argv, { from: 'user' }).processedArgs as [number];
  return { tickets };
}

async function main(): Promise<void> {
  const { tickets } = await parseTicketCostOptions(process.argv.slice(2));
  console.log(JSON.stringify(await ticketCost(tickets), null, 2));
}

if (require.main === module) runScript(main, { stack: true });
