import type { ComplianceClient } from '../../client';
import { signDecision } from '../../client/decisions';
import { contentSubject } from '../../activities/decisions/signing';
import type { ComplianceReport } from '../../domain/compliance/facts';
import { seededReportMonth } from '../../db/seed/compliance';
import type { DemoPerson } from './keys';

/**
 * Runs the seeded month's ACMA report, playing the compliance reviewer who confirms what the cross-check questioned:
 * the review is signed with the reviewer's own key and sent as the update, so the demo learns whether it counted.
 */
export async function runSeededReport(
  compliance: ComplianceClient,
  reviewer: DemoPerson,
): Promise<{ report: ComplianceReport; reviewed: string[] }> {
  // The stack seeds with today's UTC date as the reference.
  const month = seededReportMonth(new Date().toISOString().slice(0, 10)).slice(0, 7);
  const { workflowId } = await compliance.startReport(month);
  const reviewed: string[] = [];
  for (;;) {
    const status = await compliance.status(workflowId);
    if (status.stage === 'completed') break;
    if (status.waitingForReview) {
      reviewed.push(...status.mismatches.map((m) => `${m.incidentId} ${m.field}: ${m.problem}`));
      const corrections = status.mismatches.map((m) => ({
        incidentId: m.incidentId,
        field: m.field,
        value: m.extracted,
      }));
      const signed = signDecision(
        {
          kind: 'acma_review',
          workflowId,
          runId: status.runId,
          subject: contentSubject(corrections),
          decision: 'confirm',
          reason: 'checked against the incident records',
          identity: reviewer.identity,
          payload: { corrections },
        },
        reviewer.key,
      );
      const outcome = await compliance.decideReview(workflowId, signed);
      if (!outcome.counted) throw new Error(`the demo review was refused: ${outcome.reason}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { report: await compliance.result(workflowId), reviewed };
}
