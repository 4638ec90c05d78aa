import { getMaxListeners, setMaxListeners } from 'node:events';
import { startAnthropicEmulator, type AnthropicEmulator } from '../tooling/emulators';
import { createOfflineResponder } from '../tooling/emulators/offline-responder';

export interface EmulatedModel {
  /** Worker environment that points the real Anthropic SDK at the emulator. */
  env: Record<string, string>;
  requests(): number;
  close(): Promise<void>;
}

/**
 * The Anthropic Messages API emulator answered by the offline engine, holding every reply for a fixed latency. The
 * worker goes through the real SDK, HTTP and the gateway, so the run pays what a hosted model's client side costs;
 * only the model's thinking is replaced by a fixed wait. (OFFLINE_LATENCY would sleep inside the activity instead.)
 */
export async function startEmulatedModel(latencyMs: number): Promise<EmulatedModel> {
  const offline = createOfflineResponder();
  // Every delayed reply listens on the emulator's close signal, which takes its limit when created: lift it for that
  // signal only, or a hundred tickets in flight print a listener-leak warning that is not a leak.
  const previous = getMaxListeners(new EventTarget());
  setMaxListeners(10_000);
  let emulator: AnthropicEmulator;
  try {
    emulator = await startAnthropicEmulator({
      responder: async (request) => ({ ...(await offline(request)), delayMs: latencyMs }),
    });
  } finally {
    setMaxListeners(previous);
  }
  return {
    env: { MODEL_PROVIDER: 'anthropic', ANTHROPIC_BASE_URL: emulator.url, ANTHROPIC_API_KEY: 'emulator-key' },
    requests: () => emulator.requests.length,
    close: () => emulator.close(),
  };
}
