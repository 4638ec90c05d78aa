import { readFileSync } from 'node:fs';
import { ConfigError, type Config } from '../../config';
import type { DecisionToSign } from '../decisions';
import { signDecision } from '../decisions';
import { signingKeyFromPem, type SigningKey } from '../../activities/decisions/signing';
import { signedDecisionSchema, type SignedDecision } from '../../domain/decisions';
import { issueLines } from '../../domain/zod-issues';
import type { Principal } from '../../security/api-keys';
import type { ApiContext } from './context';
import { ApiError } from './errors';

/** Read once at start-up, so a missing or wrong key stops the API instead of failing the first decision. */
export function loadIssuerKey(config: Config): SigningKey | null {
  if (!config.DECISION_ISSUER_KEY_PATH) return null;
  try {
    return signingKeyFromPem(readFileSync(config.DECISION_ISSUER_KEY_PATH, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  DECISION_ISSUER_KEY_PATH: ${(error as Error).message} (an Ed25519 private key in PEM)`,
    );
  }
}

/**
 * The API signs only for the identity its API key authenticated, never for a name in the body. The statement says
 * `via: api`, so the record shows the decision came through the API and not from the person's own key.
 */
export function signAsPrincipal(
  context: ApiContext,
  principal: Principal,
  decision: Omit<DecisionToSign, 'identity' | 'via' | 'now'>,
): SignedDecision {
  if (!context.issuer) {
    throw new ApiError(503, 'no_issuer_key', 'this API has no issuer key: sign the decision with your own key');
  }
  return signDecision({ ...decision, identity: principal.identity, via: 'api', now: context.now() }, context.issuer);
}

/**
 * A decision signed elsewhere, sent as `signed` in a body whose other fields are optional: relayed only for the
 * identity the API key authenticated, as the API itself signs only for that identity.
 */
export function relayedDecision(input: unknown, identity: string, noun: 'decision' | 'verdict'): SignedDecision {
  const parsed = signedDecisionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = issueLines(parsed.error, { prefix: 'signed.', root: '' });
    throw new ApiError(400, 'invalid_body', 'invalid request body', issues);
  }
  if (parsed.data.statement.identity !== identity) {
    throw new ApiError(403, 'not_your_decision', `this ${noun} is signed for ${parsed.data.statement.identity}`);
  }
  return parsed.data;
}
