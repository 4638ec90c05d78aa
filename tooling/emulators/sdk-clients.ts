import Anthropic from '@anthropic-ai/sdk';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

// Test credentials (the emulators check only that some are sent) and no retries, so every failure reaches the test.

/** The Anthropic SDK's client, aimed at an emulator's address. */
export const anthropicClientFor = (url: string): Anthropic =>
  new Anthropic({ apiKey: 'test', baseURL: url, maxRetries: 0 });

/** The AWS SDK's Bedrock client, aimed at an emulator's address. */
export const bedrockClientFor = (url: string): BedrockRuntimeClient =>
  new BedrockRuntimeClient({
    region: 'ap-southeast-2',
    endpoint: url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });

/** The error a call failed with; a call that succeeds fails the test. */
export async function caught<E = unknown>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to fail');
}
