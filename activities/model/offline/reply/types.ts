import type { ProposedAction } from '../../../../domain/ticket';
import type { DraftVariables } from '../../tasks';
import type { RankedPassage } from './evidence';

export interface ReplyContext {
  v: DraftVariables;
  /** Retrieved passages, most relevant first. */
  ranked: RankedPassage[];
}

/** A sentence of the reply. Optional ones are dropped, last first, when the reply would run over the word budget. */
export interface Part {
  text: string;
  optional?: boolean;
  /** The passage the sentence was quoted from; cited only if the sentence survives. */
  cite?: string;
}

/** What an intent handler decides; compose-reply.ts turns it into a Draft (greeting, word budget, injection cap). */
export interface Composition {
  body: (string | Part)[];
  /** Defaults to offering more help; null for holding replies that hand over to a person. */
  closing?: string | null;
  confidence: number;
  escalationRequired: boolean;
  /** Passages whose facts were used without being quoted as a Part. */
  cited: string[];
  actions: ProposedAction[];
}

export const anythingElse = 'Is there anything else I can help with?';

export function quoted(quote: { passage: { id: string }; sentence: string }, optional = false): Part {
  return { text: quote.sentence, cite: quote.passage.id, optional };
}
