import { pause, strictReplyProblem, type EmulatedRequest, type Emulator, type Loopback, type Script } from './script';
import type { ScriptedError, ScriptedReply } from './script';

/** An error the emulated API answers with: its HTTP status, the provider's name for it, and any headers it sets. */
export class EmulatedFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** How a provider words the failures `scriptedReply` can raise. */
export interface FailureWording {
  /** The scripted error, as this provider's failure. */
  scripted(error: ScriptedError): EmulatedFailure;
  /** The emulator's own fault (500), in this provider's words. */
  internal(message: string): EmulatedFailure;
}

/**
 * The scripted answer to a request both providers have recorded and accepted: an error the script names is thrown as
 * the provider's failure, after its delay; with `strictAnswers`, an answer a strict request could not produce is
 * refused, so a test cannot pass on a reply the real API would never send.
 */
export async function scriptedReply(
  script: Script,
  request: EmulatedRequest,
  options: { signal: AbortSignal; strictAnswers?: boolean; failures: FailureWording },
): Promise<ScriptedReply> {
  const scripted = await script.next(request);
  await pause(scripted.delayMs, options.signal);
  if (scripted.kind === 'error') throw options.failures.scripted(scripted);
  const impossible = options.strictAnswers ? strictReplyProblem(request.body, scripted) : undefined;
  if (impossible) throw options.failures.internal(`emulator: a strict request cannot return ${impossible}`);
  return scripted;
}

/** What a test holds: the emulator's address, what it received, its script, and how to stop it. */
export const emulatorOf = (script: Script, loop: Loopback): Emulator => ({
  url: loop.url,
  requests: script.requests,
  enqueue: (...items) => script.enqueue(...items),
  setResponder: (responder) => script.setResponder(responder),
  close: () => loop.close(),
});
