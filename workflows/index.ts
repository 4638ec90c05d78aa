export { classifyInBatch } from './batch/classifyInBatch';
export { monthlyComplianceReport } from './compliance/monthlyReport';
export { dailyFraudSweep } from './fraud/dailyFraudSweep';
export { recordFraudDecision } from './fraud/recordFraudDecision';
export { diagnoseFault } from './fault/diagnoseFault';
export { resolveTicket } from './ticket/resolveTicket';
export { monthlyFairnessEval } from './evaluation/monthlyFairnessEval';
export { anchorAuditChain } from './audit-anchor/anchorAuditChain';
