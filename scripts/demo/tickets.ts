// The examples live in domain/, where the labelled ticket set the worker scores can read them too.
export { demoTickets, type DemoTicket } from '../../domain/seed-examples';
