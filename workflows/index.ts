export { classifyInBatch } from './batch/classifyInBatch';
export { resolveTicket } from './ticket/resolveTicket';
