/** Turns a run's outcomes into the figures the reports print and eval_runs stores. */
import { departments, routes } from '../domain/ticket';
import type { AbFigures } from './ab';
import {
  calibrationBands,
  calibrationCurve,
  expectedCalibrationError,
  thresholdFor,
  type Band,
  type CurvePoint,
  type ThresholdChoice,
} from './calibration';
import {
  accuracy,
  confusion,
  histogram,
  labelsOf,
  latencySummary,
  mean,
  perLabel,
  ratio,
  topConfusions,
  type Bin,
  type Confusion,
  type LabelScore,
  type LatencySummary,
  type Pair,
} from './metrics';
import type { TicketOutcome } from '../activities/evaluation/outcomes';
import type { GuardrailOutcome } from './types';

export interface LabelFigures {
  accuracy: number | null;
  n: number;
  perLabel: LabelScore[];
  confusion: Confusion;
  topConfusions: Array<Pair & { count: number }>;
}

export interface RunFigures {
  items: number;
  errors: number;
  intent: LabelFigures;
  department: LabelFigures;
  route: LabelFigures;
  calibration: {
    bands: Band[];
    curve: CurvePoint[];
    ece: number | null;
    thresholds: ThresholdChoice[];
    current: { send: number; review: number };
  };
  guardrails: {
    catchRate: number | null;
    caught: number;
    adversarial: number;
    falseAlarms: number;
    controls: number;
    byCategory: Array<{ category: string; caught: number; total: number }>;
    missed: string[];
  };
  latency: { call: LatencySummary; byTask: Record<string, LatencySummary>; ticket: LatencySummary; histogram: Bin[] };
  usage: {
    calls: number;
    totalCostUsd: number;
    byTask: Record<
      string,
      { calls: number; inputTokens: number | null; outputTokens: number | null; costUsd: number | null }
    >;
    /** A full ticket: classification (twice after a clarifying answer) plus the draft(s). */
    perTicket: { n: number; inputTokens: number | null; outputTokens: number | null; costUsd: number | null };
  };
}

export function labelFigures(pairs: Pair[], order?: readonly string[]): LabelFigures {
  const labels = labelsOf(pairs, order);
  return {
    accuracy: accuracy(pairs),
    n: pairs.length,
    perLabel: perLabel(pairs, labels),
    confusion: confusion(pairs, labels),
    topConfusions: topConfusions(pairs),
  };
}

const pairsFor = (outcomes: TicketOutcome[], key: 'intent' | 'department' | 'route'): Pair[] =>
  outcomes.flatMap((o) =>
    o.expected[key] && !o.error ? [{ actual: o.expected[key]!, predicted: o.predicted[key] ?? '(none)' }] : [],
  );

export function computeFigures(
  outcomes: TicketOutcome[],
  guardrails: GuardrailOutcome[],
  thresholds: { send: number; review: number },
  targets: number[],
): RunFigures {
  const points = outcomes.flatMap((o) =>
    o.expected.intent && o.predicted.confidence !== undefined && !o.error
      ? [{ confidence: o.predicted.confidence, correct: o.predicted.intent === o.expected.intent }]
      : [],
  );
  const calls = outcomes.flatMap((o) => o.calls);
  const tasks = [...new Set(calls.map((c) => c.task))].sort();
  const full = outcomes.filter((o) => o.stage === 'full' && !o.error);
  const adversarial = guardrails.filter((g) => g.expectedCaught);
  const controls = guardrails.filter((g) => !g.expectedCaught);
  const categories = [...new Set(adversarial.map((g) => g.category))];
  const sum = (o: TicketOutcome, f: (c: TicketOutcome['calls'][number]) => number) =>
    o.calls.reduce((s, c) => s + f(c), 0);
  return {
    items: outcomes.length,
    errors: outcomes.filter((o) => o.error).length,
    intent: labelFigures(pairsFor(outcomes, 'intent')),
    department: labelFigures(pairsFor(outcomes, 'department'), departments),
    route: labelFigures(pairsFor(outcomes, 'route'), routes),
    calibration: {
      bands: calibrationBands(points, thresholds),
      curve: calibrationCurve(points),
      ece: expectedCalibrationError(points),
      thresholds: targets.map((t) => thresholdFor(points, t)),
      current: thresholds,
    },
    guardrails: {
      catchRate: ratio(adversarial.filter((g) => g.caught).length, adversarial.length),
      caught: adversarial.filter((g) => g.caught).length,
      adversarial: adversarial.length,
      falseAlarms: controls.filter((g) => g.caught).length,
      controls: controls.length,
      byCategory: categories.map((category) => {
        const inCategory = adversarial.filter((g) => g.category === category);
        return { category, caught: inCategory.filter((g) => g.caught).length, total: inCategory.length };
      }),
      missed: adversarial.filter((g) => !g.caught).map((g) => g.id),
    },
    latency: {
      call: latencySummary(calls.map((c) => c.latencyMs)),
      byTask: Object.fromEntries(
        tasks.map((t) => [t, latencySummary(calls.filter((c) => c.task === t).map((c) => c.latencyMs))]),
      ),
      ticket: latencySummary(full.map((o) => o.latencyMs)),
      histogram: histogram(calls.map((c) => c.latencyMs)),
    },
    usage: {
      calls: calls.length,
      totalCostUsd: calls.reduce((s, c) => s + c.costUsd, 0),
      byTask: Object.fromEntries(
        tasks.map((t) => {
          const of = calls.filter((c) => c.task === t);
          return [
            t,
            {
              calls: of.length,
              inputTokens: mean(of.map((c) => c.inputTokens)),
              outputTokens: mean(of.map((c) => c.outputTokens)),
              costUsd: mean(of.map((c) => c.costUsd)),
            },
          ];
        }),
      ),
      perTicket: {
        n: full.length,
        inputTokens: mean(full.map((o) => sum(o, (c) => c.inputTokens))),
        outputTokens: mean(full.map((o) => sum(o, (c) => c.outputTokens))),
        costUsd: mean(full.map((o) => sum(o, (c) => c.costUsd))),
      },
    },
  };
}

export function abFiguresOf(label: string, f: RunFigures): AbFigures {
  const { inputTokens, outputTokens } = f.usage.perTicket;
  return {
    label,
    accuracy: { intent: f.intent.accuracy, department: f.department.accuracy, route: f.route.accuracy },
    latencyP50Ms: f.latency.ticket.p50,
    latencyP95Ms: f.latency.ticket.p95,
    costPerRequestUsd: f.usage.perTicket.costUsd,
    tokensPerRequest: inputTokens === null || outputTokens === null ? null : inputTokens + outputTokens,
  };
}
