import type { DataConverter } from '@temporalio/common';
import { requireCodecKeys, type Config } from '../config';
import { keyRingFromConfig, type KeyRing } from './keyring';
import { createEncryptionCodec } from './payload-codec';

/**
 * The SDK takes the failure converter as a module path, not an object, because the workflow sandbox must load it
 * too: pass this to bundleWorkflowCode so failures raised inside workflow code are encoded like activity failures.
 */
export const failureConverterPath = require.resolve('./failure-converter');

/** What every Temporal client and worker uses. A null ring (PAYLOAD_ENCRYPTION=off) leaves payloads in clear. */
export function createDataConverter(ring: KeyRing | null): DataConverter {
  return { payloadCodecs: ring ? [createEncryptionCodec(ring)] : [], failureConverterPath };
}

/** Throws ConfigError when encryption is on without keys: a process must not write customer data in clear. */
export function dataConverterFromConfig(config: Config): DataConverter {
  requireCodecKeys(config);
  return createDataConverter(keyRingFromConfig(config));
}
