import { startAnthropicEmulator, startBedrockEmulator } from '.';
import { createOfflineResponder } from './offline-responder';

/**
 * The emulator answers with the offline engine, not the model it names, so no calibration of that model applies:
 * it routes with the operator's thresholds (the offline engine's), as the offline run does.
 */
const offlineRoutes = { TICKET_THRESHOLDS: 'manual' };

export interface EmulatorSession {
  env: Record<string, string>;
  description: string | null;
  close(): Promise<void>;
}

/**
 * With MODEL_PROVIDER=anthropic or bedrock and no endpoint configured, the demo talks to a loopback emulator of that
 * API (the real SDK, a fake server answered by the offline engine), and says so. With a key or endpoint it does not.
 */
export async function startModelEmulatorIfNeeded(env = process.env): Promise<EmulatorSession> {
  const none: EmulatorSession = { env: {}, description: null, close: async () => {} };
  if (env.MODEL_PROVIDER === 'anthropic' && !env.ANTHROPIC_API_KEY && !env.ANTHROPIC_BASE_URL) {
    const emulator = await startAnthropicEmulator({ responder: createOfflineResponder() });
    return {
      env: { ANTHROPIC_BASE_URL: emulator.url, ANTHROPIC_API_KEY: 'emulator-key', ...offlineRoutes },
      description: `no ANTHROPIC_API_KEY: using the loopback Anthropic Messages API emulator at ${emulator.url}`,
      close: () => emulator.close(),
    };
  }
  if (env.MODEL_PROVIDER === 'bedrock' && !env.BEDROCK_ENDPOINT) {
    const emulator = await startBedrockEmulator({ responder: createOfflineResponder() });
    return {
      env: {
        BEDROCK_ENDPOINT: emulator.url,
        AWS_ACCESS_KEY_ID: 'emulator',
        AWS_SECRET_ACCESS_KEY: 'emulator',
        ...offlineRoutes,
      },
      description: `no BEDROCK_ENDPOINT: using the loopback Bedrock runtime emulator at ${emulator.url}`,
      close: () => emulator.close(),
    };
  }
  return none;
}
