import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes the dev stack registers and workflows set as they progress.
 * Search attributes are never encrypted: values here must be opaque references, never personal data.
 */
export const searchAttributes = {
  UseCase: defineSearchAttributeKey('UseCase', SearchAttributeType.KEYWORD),
  AccountRef: defineSearchAttributeKey('AccountRef', SearchAttributeType.KEYWORD),
  Intent: defineSearchAttributeKey('Intent', SearchAttributeType.KEYWORD),
  Department: defineSearchAttributeKey('Department', SearchAttributeType.KEYWORD),
  Route: defineSearchAttributeKey('Route', SearchAttributeType.KEYWORD),
  Confidence: defineSearchAttributeKey('Confidence', SearchAttributeType.DOUBLE),
  Decision: defineSearchAttributeKey('Decision', SearchAttributeType.KEYWORD),
  Approver: defineSearchAttributeKey('Approver', SearchAttributeType.KEYWORD),
  ModelId: defineSearchAttributeKey('ModelId', SearchAttributeType.KEYWORD),
  PromptVersion: defineSearchAttributeKey('PromptVersion', SearchAttributeType.KEYWORD),
  CostUsd: defineSearchAttributeKey('CostUsd', SearchAttributeType.DOUBLE),
  // Failed guardrail codes of a ticket's draft: no other key can say why a person had to take the ticket over.
  Guardrails: defineSearchAttributeKey('Guardrails', SearchAttributeType.KEYWORD_LIST),
} as const;

/** The `temporal server start-dev --search-attribute` spelling of each key. */
export const searchAttributeCliTypes: Record<keyof typeof searchAttributes, 'Keyword' | 'KeywordList' | 'Double'> = {
  UseCase: 'Keyword',
  AccountRef: 'Keyword',
  Intent: 'Keyword',
  Department: 'Keyword',
  Route: 'Keyword',
  Confidence: 'Double',
  Decision: 'Keyword',
  Approver: 'Keyword',
  ModelId: 'Keyword',
  PromptVersion: 'Keyword',
  CostUsd: 'Double',
  Guardrails: 'KeywordList',
};
