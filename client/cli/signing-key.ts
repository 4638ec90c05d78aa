import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { deciderIdentitySchema, deciderRoles, type DeciderRole } from '../../domain/decisions';
import { generateSigningKey, signingKeyFromPem, type SigningKey } from '../../activities/decisions/signing';
import { CliError, ExitCode } from './exit-codes';

/**
 * A person's decision key: Ed25519, made on their own machine and never sent anywhere. Only the public half is
 * registered (by an administrator) against their identity and role.
 */
const keyFileSchema = z.object({
  identity: deciderIdentitySchema,
  role: z.enum(deciderRoles),
  keyId: z.string(),
  privateKeyPem: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
});

export interface DecisionKeyFile {
  identity: string;
  role: DeciderRole;
  key: SigningKey;
}

export function defaultKeyPath(env: Record<string, string | undefined>): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'switchboard', 'decision-key.json');
}

/** Writes a new key readable by its owner only; an existing key is never overwritten, it may be registered. */
export function createKeyFile(path: string, identity: string, role: DeciderRole): DecisionKeyFile {
  if (existsSync(path)) {
    throw new CliError(ExitCode.usage, `${path} already exists`, ['pass --out <file> for another key']);
  }
  const key = generateSigningKey();
  const file = {
    identity: deciderIdentitySchema.parse(identity),
    role,
    keyId: key.keyId,
    privateKeyPem: key.privateKeyPem,
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { identity, role, key };
}

export function loadKeyFile(path: string): DecisionKeyFile {
  let parsed: z.infer<typeof keyFileSchema>;
  try {
    parsed = keyFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new CliError(ExitCode.config, `cannot read the decision key ${path}`, [
      (error as Error).message.split('\n')[0]!,
      'switchboard keys create makes one; SWITCHBOARD_SIGNING_KEY or --key names it',
    ]);
  }
  return { identity: parsed.identity, role: parsed.role, key: signingKeyFromPem(parsed.privateKeyPem) };
}
