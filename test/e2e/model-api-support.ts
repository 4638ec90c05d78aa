import { startAnthropicEmulator, startBedrockEmulator, type Emulator } from '../../tooling/emulators';
import { createOfflineResponder, taskOf } from '../../tooling/emulators/offline-responder';
import type { EmulatedRequest, Scripted } from '../../tooling/emulators/script';
import { e2eHarness, type E2EHarness } from './support';

export type ApiProvider = 'anthropic' | 'bedrock';

export interface ApiHarness extends E2EHarness {
  emulator: Emulator;
  /** Answers the next call of `task` with `items`, in order, before the offline content takes over again. */
  scriptTask(task: string, ...items: Scripted[]): void;
  requestsFor(task: string): EmulatedRequest[];
}

const taskOfRequest = (request: EmulatedRequest) => String(taskOf(request.body) ?? '');

/** A real worker whose model provider is the real SDK pointed at a loopback emulator of that provider's API. */
export async function apiHarness(provider: ApiProvider, env: Record<string, string> = {}): Promise<ApiHarness> {
  const offline = createOfflineResponder();
  const scripts = new Map<string, Scripted[]>();
  const responder = async (request: EmulatedRequest): Promise<Scripted> =>
    scripts.get(taskOfRequest(request))?.shift() ?? offline(request);
  const emulator =
    provider === 'anthropic' ? await startAnthropicEmulator({ responder }) : await startBedrockEmulator({ responder });
  // The emulator answers with the offline engine: these suites route with the operator's (the offline engine's)
  // thresholds, not as an uncalibrated model would (test/e2e/calibration.test.ts covers that).
  const providerEnv: Record<string, string> =
    provider === 'anthropic'
      ? {
          MODEL_PROVIDER: 'anthropic',
          ANTHROPIC_API_KEY: 'test-key',
          ANTHROPIC_BASE_URL: emulator.url,
          TICKET_THRESHOLDS: 'manual',
        }
      : { MODEL_PROVIDER: 'bedrock', BEDROCK_ENDPOINT: emulator.url, TICKET_THRESHOLDS: 'manual' };
  if (provider === 'bedrock') {
    // The standard AWS provider chain reads these; nothing is hard-coded in the client.
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
  }
  const harness = await e2eHarness({ env: { ...providerEnv, ...env } });
  return {
    ...harness,
    emulator,
    scriptTask: (task, ...items) => scripts.set(task, [...(scripts.get(task) ?? []), ...items]),
    requestsFor: (task) => emulator.requests.filter((request) => taskOfRequest(request) === task),
    close: async () => {
      await harness.close();
      await emulator.close();
    },
  };
}

export const roamingTicket = (ticketId: string) => ({
  ticketId,
  accountId: 'ACC-1002',
  channel: 'chat' as const,
  message: 'Why was I charged $45 for international roaming in Thailand? I have a plan that includes roaming.',
});
