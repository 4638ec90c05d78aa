import type { Pool } from 'pg';
import type { Passage } from '../../domain/account';
import type { KnowledgeRetriever, PassageHit } from './retriever';

/**
 * Customers write sentences, not keyword lists: requiring every word (plainto_tsquery) finds nothing for most of
 * them, so terms are OR-ed and ts_rank_cd orders by how many match and how close together they are.
 */
export function toOrQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => word.length > 1).slice(0, 64);
  return words.length ? [...new Set(words)].join(' | ') : null;
}

export function createPostgresRetriever(pool: Pool): KnowledgeRetriever {
  return {
    async search(query, k) {
      const terms = toOrQuery(query);
      if (!terms) return [];
      const result = await pool.query(
        `SELECT id, ts_rank_cd(search, q, 32)::float8 AS score
           FROM knowledge_articles, to_tsquery('english', $1) AS q
          WHERE search @@ q ORDER BY score DESC, id LIMIT $2`,
        [terms, k],
      );
      return result.rows.map((row) => ({ id: row.id as string, score: Number(row.score.toFixed(4)) }));
    },
    async fetch(hits: PassageHit[]): Promise<Passage[]> {
      if (!hits.length) return [];
      const result = await pool.query(
        'SELECT id, title, category, body FROM knowledge_articles WHERE id = ANY($1::text[])',
        [hits.map((hit) => hit.id)],
      );
      const byId = new Map(result.rows.map((row) => [row.id as string, row]));
      return hits.flatMap((hit) => {
        const row = byId.get(hit.id);
        return row ? [{ id: hit.id, title: row.title, category: row.category, body: row.body, score: hit.score }] : [];
      });
    },
  };
}
