import { parseArgs } from 'node:util';
import { z } from 'zod';
import { withPool } from './with-pool';
import { keyRoles, listDecisionKeys, registerDecisionKey, revokeDecisionKey } from '../activities/decisions/registry';
import { deciderIdentitySchema } from '../domain/decisions';

const usage = `usage (an administrator, connected as the database owner):
  npm run decision-keys -- register --identity <id> --role <${keyRoles.join('|')}> --public-key <base64 SPKI>
      the line \`switchboard keys create\` printed for the person
  npm run decision-keys -- revoke <keyId>
      every decision signed with it is refused from now on, even one signed before
  npm run decision-keys -- list`;

const registerArgs = z.object({
  identity: deciderIdentitySchema,
  role: z.enum(keyRoles),
  'public-key': z.string().min(40),
});

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { identity: { type: 'string' }, role: { type: 'string' }, 'public-key': { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  if (command === 'register' && rest.length === 0) {
    const parsed = registerArgs.safeParse(values);
    if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join('; ')}\n${usage}`);
    const { identity, role } = parsed.data;
    const registeredBy = `admin:${process.env.USER ?? 'unknown'}`;
    const keyId = await withPool((pool) =>
      registerDecisionKey(pool, { identity, role, publicKeyBase64: parsed.data['public-key'], registeredBy }),
    );
    console.log(`registered key ${keyId} for ${role}:${identity}`);
    return;
  }
  if (command === 'revoke' && rest.length === 1) {
    if (!(await withPool((pool) => revokeDecisionKey(pool, rest[0]!)))) throw new Error(`no live key ${rest[0]}`);
    console.log(`revoked ${rest[0]}`);
    return;
  }
  if (command === 'list' && rest.length === 0) {
    for (const key of await withPool(listDecisionKeys)) {
      console.log(
        `${key.keyId}  ${key.role}:${key.identity}${key.revokedAt ? `  revoked ${key.revokedAt.toISOString()}` : ''}`,
      );
    }
    return;
  }
  throw new Error(usage);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
