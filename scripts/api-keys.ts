import { parseArgs } from 'node:util';
import { z } from 'zod';
import { withPool } from './with-pool';
import { createApiKey, identitySchema, revokeApiKey, roles } from '../security/api-keys';

const usage = `usage:
  npm run api-keys -- create --identity <id> --role <${roles.join('|')}>
      prints the key once; only its hash is kept
  npm run api-keys -- revoke <prefix>
      the 8 characters after "sb_"`;

// Validated before any connection is made, so a typo costs nothing and explains itself.
const createArgs = z.object({ identity: identitySchema, role: z.enum(roles) });
const prefixSchema = z.string().regex(/^[a-z0-9]{8}$/, 'a prefix is the 8 characters after "sb_"');

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { identity: { type: 'string' }, role: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  if (command === 'create' && rest.length === 0) {
    const parsed = createArgs.safeParse(values);
    if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join('; ')}\n${usage}`);
    const created = await withPool((pool) => createApiKey(pool, parsed.data));
    console.error(`key ${created.prefix} for ${parsed.data.identity} (${parsed.data.role}); store it now:`);
    console.log(created.key);
    return;
  }
  if (command === 'revoke' && rest.length === 1) {
    const prefix = prefixSchema.parse(rest[0]);
    if (!(await withPool((pool) => revokeApiKey(pool, prefix)))) throw new Error(`no live key with prefix ${prefix}`);
    console.error(`revoked ${prefix}`);
    return;
  }
  throw new Error(usage);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
