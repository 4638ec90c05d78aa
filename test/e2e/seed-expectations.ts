// The expectations live in domain/, where the labelled ticket set the worker scores can read them too.
export { seedExpectations } from '../../domain/seed-examples';
