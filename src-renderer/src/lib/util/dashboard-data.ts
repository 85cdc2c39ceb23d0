// The Dashboard's numbers, from the sequence rows and motif hits of a run: per-explanation metric
// summaries, the p sweep (sparsity vs faithfulness/RMA over the PLRP pruning fraction; its knee is
// in sweep-recommendation.ts) and motifs ranked by the relevance their hits capture; and which sequences the figures cover.
import { canonicalP } from '../../../../src-main/shared/explanation-order';
import type { MetricName, RunStatus, RunSummary, SequenceRow } from '../../../../src-main/shared/run-api';
import { countOf } from '../../../../src-main/shared/count-of';

export interface MetricSummary {
  n: number;
  mean: number;
  sd: number;
  median: number;
}

export function summarize(values: number[]): MetricSummary | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1)) : 0;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { n: v.length, mean, sd, median };
}

export function metricValues(rows: readonly SequenceRow[], explanationId: string, metric: MetricName): number[] {
  const out: number[] = [];
  for (const r of rows) {
    const x = r.explanations[explanationId]?.metrics[metric];
    if (x !== undefined && Number.isFinite(x)) out.push(x);
  }
  return out;
}

export interface SweepPoint {
  explanationId: string;
  p: number;
  sparsity: number | null;
  faithfulness: number | null;
  /** Sequences with a faithfulness value (only those exactly the model's input length have one). */
  faithfulnessCount?: number;
  rma: number | null;
}

/** One point per explanation of the given method family with a single p, sorted by p. */
export function pSweep(run: RunSummary, rows: readonly SequenceRow[], method: string): SweepPoint[] {
  const mean = (id: string, m: MetricName) => summarize(metricValues(rows, id, m))?.mean ?? null;
  const count = (id: string) => summarize(metricValues(rows, id, 'faithfulness'))?.n ?? 0;
  return run.explanations
    .filter((e) => e.method === method || (e.method === 'lrp' && method !== 'lrp'))
    .map((e) => ({ e, p: canonicalP(e.canonical) }))
    .filter((x): x is { e: RunSummary['explanations'][number]; p: number } => x.p !== null)
    .map(({ e, p }) => ({ explanationId: e.id, p, sparsity: mean(e.id, 'gini'), faithfulness: mean(e.id, 'faithfulness'), faithfulnessCount: count(e.id), rma: mean(e.id, 'rma') }))
    .sort((a, b) => a.p - b.p);
}

/**
 * Smallest and largest value (±Infinity for none) in a loop: `Math.min(...values)` overflows the
 * call stack at around 100,000 values, the metric values of a large run.
 */
export function extent(values: readonly number[]): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { lo, hi };
}

/** Why a run's results stop short of its last sequence, as the Dashboard's header says it. */
const UNFINISHED: Record<RunStatus, string | null> = {
  queued: 'run queued',
  running: 'run still running',
  cancelled: 'run cancelled',
  failed: 'run failed',
  done: null,
};

/**
 * Which sequences the Dashboard's figures cover: every sequence of the run, or, for a run still
 * running or stopped part-way, plainly how many of them ("metrics of 1,024 of 20,000 sequences (run
 * cancelled)"). The rows list every sequence of the input; only those with results count.
 */
export function dashboardCoverage(run: Pick<RunSummary, 'status' | 'sequenceCount'>, rows: readonly SequenceRow[]): { text: string; partial: boolean } {
  const withResults = rows.filter((r) => Object.keys(r.explanations).length > 0).length;
  const all = countOf(run.sequenceCount, 'sequence');
  if (withResults >= run.sequenceCount) return { text: all, partial: false };
  const why = UNFINISHED[run.status];
  return { text: `metrics of ${withResults.toLocaleString('en-US')} of ${all}${why ? ` (${why})` : ''}`, partial: true };
}
