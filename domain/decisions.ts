import type { z } from 'zod';
import { buildDecisionSchemas } from './decision-statement';

export * from './decision-statement';

const schemas = buildDecisionSchemas();
export const decisionStatementSchema = schemas.statement;
export type DecisionStatement = z.infer<typeof decisionStatementSchema>;
export const signedDecisionSchema = schemas.signed;
export type SignedDecision = z.infer<typeof signedDecisionSchema>;
