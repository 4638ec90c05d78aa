import { z } from 'zod';
import { withPool } from './with-pool';
import { runScript, scriptCommand } from '../client/cli/script-args';
import { createApiKey, identitySchema, revokeApiKey, roles, type Role } from '../security/api-keys';

const prefixSchema = z.string().regex(/^[a-z0-9]{8}$/, 'a prefix is the 8 characters after "sb_"');

export type ApiKeysCommand =
  { command: 'create'; identity: string; role: Role } | { command: 'revoke'; prefix: string };

/**
 * `npm run api-keys -- create --identity <id> --role <role> | revoke <prefix>`. Every value is checked before any
 * connection is made, so a typo costs nothing and explains itself.
 */
export async function parseApiKeysOptions(argv: string[]): Promise<ApiKeysCommand> {
  const { program, Option, Argument, values } = await scriptCommand(
    'npm run api-keys --',
    'Mint or revoke the API keys of the HTTP API (DATABASE_URL, as the database owner)',
  );
  let chosen: ApiKeysCommand | undefined;
  program
    .command('create')
    .description('print a new key once; only its hash is kept')
    .addOption(
      new Option('--identity <id>', 'who holds the key')
        .argParser(values.matching(identitySchema))
        .makeOptionMandatory(),
    )
    .addOption(new Option('--role <role>', 'what the key may do').choices(roles).makeOptionMandatory())
    .action((options: { identity: string; role: Role }) => {
      chosen = { command: 'create', ...options };
    });
  program
    .command('revoke')
    .description('refuse a key from now on')
    .addArgument(new Argument('<prefix>', 'the 8 characters after "sb_"').argParser(values.matching(prefixSchema)))
    .action((prefix: string) => {
      chosen = { command: 'revoke', prefix };
    });
  program.parse(argv, { from: 'user' });
  return chosen ?? program.help({ error: true });
}

async function main(): Promise<void> {
  const chosen = await parseApiKeysOptions(process.argv.slice(2));
  if (chosen.command === 'create') {
    const { identity, role } = chosen;
    const created = await withPool((pool) => createApiKey(pool, { identity, role }));
    console.error(`key ${created.prefix} for ${identity} (${role}); store it now:`);
    console.log(created.key);
    return;
  }
  const { prefix } = chosen;
  if (!(await withPool((pool) => revokeApiKey(pool, prefix)))) throw new Error(`no live key with prefix ${prefix}`);
  console.error(`revoked ${prefix}`);
}

if (require.main === module) runScript(main);
