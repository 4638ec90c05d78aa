export { classifyInBatch } from './batch/classifyInBatch';
export { diagnoseFault } from './fault/diagnoseFault';
export { resolveTicket } from './ticket/resolveTicket';
