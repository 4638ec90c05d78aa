/**
 * How big each resilience check runs. `npm run test:resilience` sets RESILIENCE_SIZE=full; CI and a bare
 * `jest --selectProjects resilience` get the reduced size, which keeps the same shape (3 kills, ≥50 injections).
 */
export type ResilienceSize = 'ci' | 'full';

export interface Sizes {
  size: ResilienceSize;
  /** Tickets in flight at once in the volume check. */
  volumeTickets: number;
  /** Tickets in the run during which the worker is SIGKILLed. */
  killRunTickets: number;
  kills: number;
  /** Tickets in flight while the dedicated PostgreSQL restarts. */
  postgresRunTickets: number;
  /** How long the model emulator answers 529 to everything. */
  overloadWindowMs: number;
  overloadTickets: number;
  malformedTickets: number;
  fuzzRuns: number;
}

const bySize: Record<ResilienceSize, Omit<Sizes, 'size'>> = {
  full: {
    volumeTickets: 1_000,
    killRunTickets: 200,
    kills: 3,
    postgresRunTickets: 200,
    overloadWindowMs: 60_000,
    overloadTickets: 50,
    malformedTickets: 200,
    fuzzRuns: 10_000,
  },
  ci: {
    volumeTickets: 150,
    killRunTickets: 60,
    kills: 3,
    postgresRunTickets: 40,
    overloadWindowMs: 10_000,
    overloadTickets: 20,
    malformedTickets: 50,
    fuzzRuns: 1_000,
  },
};

export function resilienceSizes(env: NodeJS.ProcessEnv = process.env): Sizes {
  const raw = env.RESILIENCE_SIZE ?? 'ci';
  if (raw !== 'ci' && raw !== 'full') throw new Error(`RESILIENCE_SIZE must be ci or full, not ${raw}`);
  return { size: raw, ...bySize[raw] };
}

export const sizes = resilienceSizes();
