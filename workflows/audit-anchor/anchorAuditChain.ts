import { proxyActivities } from '@temporalio/workflow';
import type { AuditAnchorActivities, AuditHeadAnchor } from '../../activities/audit/anchor';

const { readAuditHead } = proxyActivities<AuditAnchorActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 5 },
});

/**
 * Started by the audit-anchor schedule. Its result, the audit chain's head (seq, hash, time), sits in Temporal
 * history where the database's owner cannot reach it; `audit verify` compares the chain with these results.
 */
export async function anchorAuditChain(_args: Record<string, never> = {}): Promise<AuditHeadAnchor> {
  return readAuditHead.executeWithOptions({ summary: 'Read the audit chain head to anchor it' }, []);
}
