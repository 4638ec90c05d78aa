import { z } from 'zod';
import { withPool } from './with-pool';
import { runScript, scriptCommand } from '../client/cli/script-args';
import {
  keyRoles,
  listDecisionKeys,
  registerDecisionKey,
  revokeDecisionKey,
  type KeyRole,
} from '../activities/decisions/registry';
import { deciderIdentitySchema } from '../domain/decisions';

const publicKeySchema = z.string().min(40, 'a public key is a base64 SPKI, as `switchboard keys create` prints it');

export type DecisionKeysCommand =
  | { command: 'register'; identity: string; role: KeyRole; publicKey: string }
  | { command: 'revoke'; keyId: string }
  | { command: 'list' };

/** `npm run decision-keys -- register --identity <id> --role <role> --public-key <base64 SPKI> | revoke <keyId> | list` */
export async function parseDecisionKeysOptions(argv: string[]): Promise<DecisionKeysCommand> {
  const { program, Option, values } = await scriptCommand(
    'npm run decision-keys --',
    'Register, revoke or list the public keys that sign human decisions (an administrator, as the database owner)',
  );
  let chosen: DecisionKeysCommand | undefined;
  program
    .command('register')
    .description("register a person's key: the line `switchboard keys create` printed for them")
    .addOption(
      new Option('--identity <id>', 'who signs with it')
        .argParser(values.matching(deciderIdentitySchema))
        .makeOptionMandatory(),
    )
    .addOption(new Option('--role <role>', 'what they decide').choices(keyRoles).makeOptionMandatory())
    .addOption(
      new Option('--public-key <base64>', 'the SPKI public key, base64')
        .argParser(values.matching(publicKeySchema))
        .makeOptionMandatory(),
    )
    .action((options: { identity: string; role: KeyRole; publicKey: string }) => {
      chosen = { command: 'register', ...options };
    });
  program
    .command('revoke')
    .description('refuse every decision signed with the key from now on, even one signed before')
    .argument('<keyId>', 'as `list` prints it')
    .action((keyId: string) => {
      chosen = { command: 'revoke', keyId };
    });
  program
    .command('list')
    .description('every registered key, revoked ones marked')
    .action(() => {
      chosen = { command: 'list' };
    });
  program.parse(argv, { from: 'user' });
  return chosen ?? program.help({ error: true });
}

async function main(): Promise<void> {
  const chosen = await parseDecisionKeysOptions(process.argv.slice(2));
  if (chosen.command === 'register') {
    const { identity, role, publicKey } = chosen;
    const registeredBy = `admin:${process.env.USER ?? 'unknown'}`;
    const keyId = await withPool((pool) =>
      registerDecisionKey(pool, { identity, role, publicKeyBase64: publicKey, registeredBy }),
    );
    console.log(`registered key ${keyId} for ${role}:${identity}`);
    return;
  }
  if (chosen.command === 'revoke') {
    const { keyId } = chosen;
    if (!(await withPool((pool) => revokeDecisionKey(pool, keyId)))) throw new Error(`no live key ${keyId}`);
    console.log(`revoked ${keyId}`);
    return;
  }
  for (const key of await withPool(listDecisionKeys)) {
    console.log(
      `${key.keyId}  ${key.role}:${key.identity}${key.revokedAt ? `  revoked ${key.revokedAt.toISOString()}` : ''}`,
    );
  }
}

if (require.main === module) runScript(main);
