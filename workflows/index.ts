export { classifyInBatch } from './batch/classifyInBatch';
export { monthlyComplianceReport } from './compliance/monthlyReport';
export { diagnoseFault } from './fault/diagnoseFault';
export { resolveTicket } from './ticket/resolveTicket';
