import { runScript, scriptCommand } from '../../client/cli/script-args';
import { ensureClusterSecrets, tokenRoles } from '../../tooling/stack/temporal-auth';

export interface TemporalAuthOptions {
  dir: string;
  namespace: string;
}

/** `npx tsx scripts/stack/temporal-auth.ts <dir> [namespace]`: the same secrets for a compose deployment. */
export async function parseTemporalAuthOptions(argv: string[]): Promise<TemporalAuthOptions> {
  const { program } = await scriptCommand(
    'npx tsx scripts/stack/temporal-auth.ts',
    "Write the cluster's certificates, JWKS and role tokens for a compose deployment",
  );
  program
    .argument('<dir>', 'folder to write them to (kept if they are already there)')
    .argument('[namespace]', 'the namespace the tokens are for', 'default');
  program.parse(argv, { from: 'user' });
  const [dir, namespace] = program.processedArgs as [string, string];
  return { dir, namespace };
}

if (require.main === module) {
  runScript(async () => {
    const { dir, namespace } = await parseTemporalAuthOptions(process.argv.slice(2));
    const secrets = ensureClusterSecrets(dir, namespace);
    console.log(`certificates, jwks.json and tokens (${Object.keys(tokenRoles).join(', ')}) in ${secrets.dir}`);
  });
}
