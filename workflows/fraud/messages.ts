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

export interface DailyFraudSweepInput {
  /** YYYY-MM-DD; absent for the scheduled run, which sweeps yesterday in Sydney. */
  sweepDate?: string;
  batchSize?: number;
  /** Batches per run before continue-as-new, which keeps history small on a day with many flags. */
  batchesPerRun?: number;
  /** Carried across continue-as-new. */
  cursor?: string;
  progress?: SweepProgress;
}

export const sweepProgressQuery = defineQuery<SweepProgress>('progress');
