import { createOfflineResponder, taskOf } from '../../tooling/emulators/offline-responder';
import type { EmulatedRequest, Scripted } from '../../tooling/emulators/script';
import { apiHarness, type ApiHarness } from '../e2e/model-api-support';

export type Override = (request: EmulatedRequest, task: string) => Scripted | undefined;

/**
 * A worker on the real Anthropic SDK against the loopback emulator. `override` may answer a request itself; anything
 * it leaves alone gets the offline engine's answer, so untouched tickets behave exactly as in the happy path.
 */
export async function emulatedModel(override: Override, env: Record<string, string> = {}): Promise<ApiHarness> {
  const harness = await apiHarness('anthropic', env);
  const offline = createOfflineResponder();
  harness.emulator.setResponder(
    async (request) => override(request, String(taskOf(request.body) ?? '')) ?? offline(request),
  );
  return harness;
}

/** The customer's words as the prompt carries them, for overrides that pick tickets by what they say. */
export function customerText(request: EmulatedRequest): string {
  const content = request.body?.messages?.[0]?.content;
  const text = Array.isArray(content)
    ? content.map((block: { text?: string }) => block.text ?? '').join('\n')
    : content;
  return typeof text === 'string' ? text : '';
}
