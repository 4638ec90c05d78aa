export { connectClient, type SwitchboardConnection } from './connection';
export {
  createTicketClient,
  InvalidRequestError,
  ticketPolicyFromConfig,
  ticketWorkflowId,
  type TicketClient,
} from './tickets';
export { runClassificationBatch } from './batches';
