import { defineQuery } from '@temporalio/workflow';

export interface SweepProgress {
  sweepDate: string;
  scanned: number;
  flagged: number;
  summarised: number;
  queued: number;
  unverified: number;
  costUsd: number;
}

/** sync: one model call per account as the sweep goes; batch: the provider's Message Batches API, at half price. */
export type FraudSummaryMode = 'sync' | 'batch';

export interface DailyFraudSweepInput {
  /** YYYY-MM-DD; absent for the scheduled run, which sweeps yesterday in Sydney. */
  sweepDate?: string;
  batchSize?: number;
  /** Batches per run before continue-as-new, which keeps history small on a day with many flags. */
  batchesPerRun?: number;
  /**
   * FRAUD_SUMMARY_MODE, put here by whoever starts the sweep (the worker's schedule); absent: sync. In batch mode each
   * run sends its accounts (up to batchSize x batchesPerRun) as one provider batch and waits for it durably.
   */
  summaryMode?: FraudSummaryMode;
  /** FRAUD_BATCH_POLL_INTERVAL: how long batch mode sleeps between status checks; default five minutes. */
  batchPollIntervalMs?: number;
  /** Carried across continue-as-new. */
  cursor?: string;
  progress?: SweepProgress;
}

export const sweepProgressQuery = defineQuery<SweepProgress>('progress');
