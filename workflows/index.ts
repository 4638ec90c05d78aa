/**
 * The worker's workflow types. Each loads its module on its first call, not when this file is read.
 *
 * The SDK gives every workflow its own module cache and evaluates, for each workflow, every module this entry
 * imports. Re-exporting all eight types made each ticket evaluate the fault, compliance, fraud and batch modules as
 * well: about half the memory its modules held (measured in a VM context like the SDK's: 679 KB a workflow with all
 * eight, 444 KB with the ticket's alone). This `require` is webpack's, synchronous and deterministic, so a workflow
 * registers its handlers in the same activation as before and histories replay unchanged. Clients import only the
 * types.
 */
import type * as Batch from './batch/classifyInBatch';
import type * as Compliance from './compliance/monthlyReport';
import type * as FraudSweep from './fraud/dailyFraudSweep';
import type * as FraudDecision from './fraud/recordFraudDecision';
import type * as Fault from './fault/diagnoseFault';
import type * as Ticket from './ticket/resolveTicket';
import type * as Fairness from './evaluation/monthlyFairnessEval';
import type * as AuditAnchor from './audit-anchor/anchorAuditChain';

export function classifyInBatch(...args: Parameters<typeof Batch.classifyInBatch>) {
  return (require('./batch/classifyInBatch') as typeof Batch).classifyInBatch(...args);
}

export function monthlyComplianceReport(...args: Parameters<typeof Compliance.monthlyComplianceReport>) {
  return (require('./compliance/monthlyReport') as typeof Compliance).monthlyComplianceReport(...args);
}

export function dailyFraudSweep(...args: Parameters<typeof FraudSweep.dailyFraudSweep>) {
  return (require('./fraud/dailyFraudSweep') as typeof FraudSweep).dailyFraudSweep(...args);
}

export function recordFraudDecision(...args: Parameters<typeof FraudDecision.recordFraudDecision>) {
  return (require('./fraud/recordFraudDecision') as typeof FraudDecision).recordFraudDecision(...args);
}

export function diagnoseFault(...args: Parameters<typeof Fault.diagnoseFault>) {
  return (require('./fault/diagnoseFault') as typeof Fault).diagnoseFault(...args);
}

export function resolveTicket(...args: Parameters<typeof Ticket.resolveTicket>) {
  return (require('./ticket/resolveTicket') as typeof Ticket).resolveTicket(...args);
}

export function monthlyFairnessEval(...args: Parameters<typeof Fairness.monthlyFairnessEval>) {
  return (require('./evaluation/monthlyFairnessEval') as typeof Fairness).monthlyFairnessEval(...args);
}

export function anchorAuditChain(...args: Parameters<typeof AuditAnchor.anchorAuditChain>) {
  return (require('./audit-anchor/anchorAuditChain') as typeof AuditAnchor).anchorAuditChain(...args);
}
