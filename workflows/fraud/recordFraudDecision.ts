import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { AnalystDecision } from '../../activities/fraud';
import { nonRetryableErrorTypes } from '../../domain/errors';
import { searchAttributes as sa } from '../../domain/search-attributes';

const backend = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { nonRetryableErrorTypes } });

/** An analyst's decision as a workflow of its own: it lands in history with the analyst's identity for auditors. */
export async function recordFraudDecision(
  decision: AnalystDecision,
): Promise<{ updated: boolean; allowlisted: number }> {
  upsertSearchAttributes([
    { key: sa.UseCase, value: 'fraud_decision' },
    { key: sa.Decision, value: decision.decision },
    { key: sa.Approver, value: decision.analyst },
  ]);
  const summary = `Record ${decision.decision.replace(/_/g, ' ')} for the flagged account`;
  return backend.recordAnalystDecision.executeWithOptions({ summary }, [decision]);
}
