import { Pool } from 'pg';
import { bindChainKeys, chainKeysFromConfig, requireChainKeys } from '../activities/audit/chain-keys';
import { describeProblem } from '../activities/audit/problems';
import { pruneAuditLog, type PruneResult } from '../activities/audit/retention';
import { readTemporalAnchors } from '../activities/audit/temporal-anchors';
import { verifyAuditChain, type AuditVerification } from '../activities/audit/verify';
import { connectClient } from '../client/connection';
import { loadConfigOrExit, requireDatabaseUrl, type Config } from '../config';
import { runScript, scriptCommand } from '../client/cli/script-args';

/** Exit codes of the script, beside 2 for a refused command line. */
const exitCodes = { intact: 0, tampered: 1, unchecked: 3 } as const;

export type AuditCommand = { command: 'verify'; anchors: boolean } | { command: 'prune' };

/** `npx tsx scripts/audit.ts verify [--no-anchors] | prune` (`npm run audit:verify` is the first). */
export async function parseAuditOptions(argv: string[]): Promise<AuditCommand> {
  const { program } = await scriptCommand('npx tsx scripts/audit.ts', 'Verify or prune the audit chain (DATABASE_URL)');
  program.addHelpText(
    'after',
    '\nExit codes: 0 intact (or pruned), 1 tampered, 2 usage, 3 could not check (database or Temporal unreachable).',
  );
  let chosen: AuditCommand | undefined;
  program
    .command('verify')
    .description('walk the chain with the keys and check it against its anchors in Temporal')
    .option('--no-anchors', 'check the chain alone, without reading the anchors from Temporal')
    .action((options: { anchors: boolean }) => {
      chosen = { command: 'verify', anchors: options.anchors };
    });
  program
    .command('prune')
    .description(
      'delete rows older than AUDIT_RETENTION, as a role that may execute audit_prune (switchboard_audit_admin or the owner)',
    )
    .action(() => {
      chosen = { command: 'prune' };
    });
  program.parse(argv, { from: 'user' });
  return chosen ?? program.help({ error: true });
}

export function describeVerification(result: AuditVerification): string {
  const anchors = result.anchors.checked
    ? `, against ${result.anchors.checked} Temporal anchors (newest seq ${result.anchors.latestSeq})`
    : ', no Temporal anchors to check against';
  if (result.ok) {
    return result.lastSeq === null
      ? `audit chain intact: no rows yet${anchors}`
      : `audit chain intact: ${result.rows} rows checked, up to seq ${result.lastSeq}${anchors}`;
  }
  const lines = result.problems.map((problem) => `  ${problem.kind}: ${describeProblem(problem)}`);
  return [`audit chain BROKEN: ${result.problems.length} problem(s)${anchors}`, ...lines].join('\n');
}

export function describePrune(result: PruneResult, retentionMs: number): string {
  const days = Math.round(retentionMs / 86_400_000);
  const age = `${days} day${days === 1 ? '' : 's'}`;
  return result.anchor && result.range
    ? `pruned ${result.deleted} rows (seq ${result.range.fromSeq}..${result.range.toSeq}) older than ${age}; ` +
        `the chain now starts after seq ${result.anchor.seq}`
    : `nothing older than ${age} to prune`;
}

async function verify(config: Config, pool: Pool, withAnchors: boolean): Promise<AuditVerification> {
  if (!withAnchors) return verifyAuditChain(pool, { keys: chainKeysFromConfig(config) });
  const connection = await connectClient(config);
  try {
    const anchors = await readTemporalAnchors(connection.client, { chainId: config.AUDIT_CHAIN_ID });
    return await verifyAuditChain(pool, { keys: chainKeysFromConfig(config), anchors });
  } finally {
    await connection.close();
  }
}

/** Prune needs a connection that may execute audit_prune (switchboard_audit_admin or the owner), not the app's. */
async function main(): Promise<number> {
  const chosen = await parseAuditOptions(process.argv.slice(2));
  const config = loadConfigOrExit();
  const pool = new Pool({ connectionString: requireDatabaseUrl(config), max: 1 });
  try {
    if (chosen.command === 'prune') {
      bindChainKeys(pool, requireChainKeys(config));
      const result = await pruneAuditLog(pool, { olderThanMs: config.AUDIT_RETENTION, now: new Date() });
      console.log(describePrune(result, config.AUDIT_RETENTION));
      return exitCodes.intact;
    }
    const result = await verify(config, pool, chosen.anchors);
    (result.ok ? console.log : console.error)(describeVerification(result));
    return result.ok ? exitCodes.intact : exitCodes.tampered;
  } finally {
    await pool.end();
  }
}

if (require.main === module) runScript(main, { failureExitCode: exitCodes.unchecked, exitWhenDone: true });
