export { resolveTicket } from './ticket/resolveTicket';
