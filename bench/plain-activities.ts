import type { Config } from '../config';
import { wireActivities } from '../workers/activity-wiring';
import { createOfflineProvider } from '../workers/model-deps';

/**
 * The activities exactly as the worker builds them (workers/activity-wiring.ts), with the offline engine at no added
 * latency as the bench's workers run it, but without the worker runtime: no Temporal connection, no Prometheus meters.
 * The same pool size, chain keys and audit sampling, so PostgreSQL does the same work per ticket.
 */
export function createPlainActivities(config: Config) {
  const { pool, activities } = wireActivities(config, { provider: (taxonomy) => createOfflineProvider(taxonomy, 0) });
  return { activities, close: () => pool.end() };
}

export type PlainActivities = ReturnType<typeof createPlainActivities>['activities'];
