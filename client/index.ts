export { connectClient, type SwitchboardConnection } from './connection';
export {
  createTicketClient,
  InvalidRequestError,
  ticketPolicyFromConfig,
  ticketWorkflowId,
  type TicketClient,
} from './tickets';
export { runClassificationBatch } from './batches';
export { createFaultClient, faultPolicyFromConfig, type FaultClient } from './faults';
export { createComplianceClient, fetchLatestReport, type ComplianceClient } from './compliance';
export { createFraudClient, type FraudClient } from './fraud';
