// Run-level summary of per-sequence metrics (`summary.metrics[<id>]` in out.json): each scalar is
// aggregated over sequences (mean, median, IQR…, nulls ignored), faithfulness per score.
import type { Summary } from './aggregate';
import { aggregate } from './aggregate';
import type { SequenceMetrics } from './compute-metrics';
import type { FaithfulnessResult } from './faithfulness';

export const FAITHFULNESS_SCORES = [
  'morfAuc',
  'lerfAuc',
  'morfMinusLerfAuc',
  'morfAopc',
  'lerfAopc',
  'morfMinusLerfAopc',
] as const satisfies readonly (keyof FaithfulnessResult)[];
export type FaithfulnessScore = (typeof FAITHFULNESS_SCORES)[number];

const SCALARS = ['gini', 'entropy', 'rma', 'rra', 'lipschitz'] as const;

export interface MetricsSummary {
  gini?: Summary | null;
  entropy?: Summary | null;
  rma?: Summary | null;
  rra?: Summary | null;
  lipschitz?: Summary | null;
  faithfulness?: Partial<Record<FaithfulnessScore, Summary | null>>;
}

export function summarizeMetrics(perSequence: readonly SequenceMetrics[]): MetricsSummary {
  const out: MetricsSummary = {};
  for (const key of SCALARS) {
    if (perSequence.some((m) => key in m)) out[key] = aggregate(perSequence.map((m) => m[key]));
  }
  if (perSequence.some((m) => 'faithfulness' in m)) {
    const f: Partial<Record<FaithfulnessScore, Summary | null>> = {};
    for (const score of FAITHFULNESS_SCORES) f[score] = aggregate(perSequence.map((m) => m.faithfulness?.[score]));
    out.faithfulness = f;
  }
  return out;
}
