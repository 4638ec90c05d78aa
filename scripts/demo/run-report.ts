import type { ComplianceClient } from '../../client';
import type { ComplianceReport } from '../../domain/compliance/facts';
import { seededReportMonth } from '../../db/seed/compliance';

/** Runs the seeded month's ACMA report, playing the reviewer who confirms what the cross-check questioned. */
export async function runSeededReport(
  compliance: ComplianceClient,
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
      await compliance.review(workflowId, {
        reviewer: 'demo-auditor',
        corrections: status.mismatches.map((m) => ({ incidentId: m.incidentId, field: m.field, value: m.extracted })),
      });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { report: await compliance.result(workflowId), reviewed };
}
