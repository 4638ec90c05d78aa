import { Pool } from 'pg';
import { pruneAuditLog, type PruneResult } from '../activities/audit/retention';
import { verifyAuditChain, type AuditVerification } from '../activities/audit/verify';
import { loadConfigOrExit, requireDatabaseUrl } from '../config';

const usage = 'usage: tsx scripts/audit.ts verify | prune';

export function describeVerification(result: AuditVerification): string {
  if (result.ok) {
    return result.lastSeq === null
      ? 'audit chain intact: no rows yet'
      : `audit chain intact: ${result.rows} rows checked, up to seq ${result.lastSeq}`;
  }
  const what = {
    gap: 'is missing (deleted)',
    'broken link': 'does not link to the row before it (that row, or this link, was altered)',
    'hash mismatch': 'was altered after it was written',
  }[result.reason];
  return `audit chain BROKEN: row seq ${result.firstBadSeq} ${what}; ${result.rows} rows before it checked out`;
}

export function describePrune(result: PruneResult, retentionMs: number): string {
  const days = Math.round(retentionMs / 86_400_000);
  const age = `${days} day${days === 1 ? '' : 's'}`;
  return result.anchor
    ? `pruned ${result.deleted} rows older than ${age}; the chain now starts after seq ${result.anchor.seq}`
    : `nothing older than ${age} to prune`;
}

/** Exit codes: 0 intact (or pruned), 1 tampered, 2 usage, 3 could not check (database unreachable, say). */
async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (argv.length !== 1 || (command !== 'verify' && command !== 'prune')) {
    console.error(usage);
    return 2;
  }
  const config = loadConfigOrExit();
  const pool = new Pool({ connectionString: requireDatabaseUrl(config), max: 1 });
  try {
    if (command === 'prune') {
      const result = await pruneAuditLog(pool, { olderThanMs: config.AUDIT_RETENTION, now: new Date() });
      console.log(describePrune(result, config.AUDIT_RETENTION));
      return 0;
    }
    const result = await verifyAuditChain(pool);
    (result.ok ? console.log : console.error)(describeVerification(result));
    return result.ok ? 0 : 1;
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(3);
    });
}
