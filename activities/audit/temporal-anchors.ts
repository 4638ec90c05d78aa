import type { Client } from '@temporalio/client';
import type { ExternalAnchor } from './anchor-checks';
import type { AuditHeadAnchor } from './anchor';

export const anchorWorkflowType = 'anchorAuditChain';
export const anchorWorkflowIdPrefix = (chainId: string) => `audit-anchor-${chainId}`;

/**
 * The chain's anchors as Temporal recorded them: completed anchorAuditChain runs for this chain, newest first, up
 * to `limit`, each read from its history's result. Visibility finds the runs; the result is what the activity read
 * at the time, which nobody with only the database can change.
 */
export async function readTemporalAnchors(
  client: Client,
  options: { chainId: string; limit?: number },
): Promise<ExternalAnchor[]> {
  const limit = options.limit ?? 500;
  const prefix = anchorWorkflowIdPrefix(options.chainId);
  const query =
    `WorkflowType = '${anchorWorkflowType}' AND ExecutionStatus = 'Completed' ` +
    `AND WorkflowId STARTS_WITH '${prefix.replace(/'/g, "\\'")}'`;
  const runs: { workflowId: string; runId: string }[] = [];
  for await (const execution of client.workflow.list({ query })) {
    runs.push({ workflowId: execution.workflowId, runId: execution.runId });
    if (runs.length >= limit) break;
  }
  const anchors: ExternalAnchor[] = [];
  // A few at a time: each is a history fetch.
  for (let i = 0; i < runs.length; i += 8) {
    const batch = await Promise.all(
      runs.slice(i, i + 8).map(async ({ workflowId, runId }) => {
        const result = (await client.workflow.getHandle(workflowId, runId).result()) as AuditHeadAnchor;
        return result?.chain === options.chainId
          ? { seq: result.seq, hash: result.hash, at: result.at, workflowId }
          : null;
      }),
    );
    for (const anchor of batch) if (anchor) anchors.push(anchor);
  }
  return anchors;
}
