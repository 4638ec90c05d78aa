import type { AbRow, Recommendation } from '../ab';
import type { RunFigures } from '../figures';
import type { PreviousRun } from '../store';

export interface AbResult {
  rows: AbRow[];
  recommendation: Recommendation;
}

/** What the headline table needs of a run, whatever the use case's figures are. */
export interface RunLike<F> {
  label: string;
  figures: F;
  previous: PreviousRun<F> | null;
}

export interface ReportRun {
  label: string;
  provider: string;
  model: string;
  promptVersions: Record<string, string>;
  runId: number | null;
  figures: RunFigures;
  previous: PreviousRun | null;
}

/** Everything both renderers need; they format, they do not compute. */
export interface Report {
  useCase: string;
  generatedAt: Date;
  /** What served the calls, in words: the offline engine is not an LLM and the report must say so up front. */
  engineNote: string;
  datasetNote: string;
  runs: ReportRun[];
  ab: AbResult | null;
  notes: string[];
  /** Figures per data set beside each other (the hand-written unseen set against the Bitext split). */
  slices?: SliceSection;
}

export interface SliceSection {
  title: string;
  note: string;
  headers: string[];
  rows: string[][];
}
