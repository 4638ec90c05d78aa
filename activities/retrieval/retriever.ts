import type { Passage } from '../../domain/account';

export interface PassageHit {
  id: string;
  score: number;
}

/** Knowledge search. Full-text today; an embedding retriever can implement the same two calls. */
export interface KnowledgeRetriever {
  search(query: string, k: number): Promise<PassageHit[]>;
  fetch(hits: PassageHit[]): Promise<Passage[]>;
}
