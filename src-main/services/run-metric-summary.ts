// A run's metrics summarised per explanation over the sequences it computed (mean, median, n…,
// as out.json's `summary.metrics`), read from the cache's numbers only (no relevance): what
// `plrp runs show` prints under the run.
import type { SequenceMetrics } from '../engine/metrics/compute-metrics';
import { summarizeMetrics, type MetricsSummary } from '../engine/metrics/summarize-metrics';
import type { RunCache } from './cache/run-cache';

/** Explanation id → its metrics summary; empty for a run without metrics (or an unknown run). */
export function runMetricSummary(cache: RunCache, runId: string): Map<string, MetricsSummary> {
  const run = cache.getRun(runId);
  if (!run || run.request.metrics.length === 0) return new Map();
  const count = cache.inputCount(run.inputSha);
  return new Map(cache.runExplanations(runId).map((e) => [
    e.explId,
    summarizeMetrics([...cache.resultNumbers(e.explKey, 0, count).values()].map((n) => n.metrics as SequenceMetrics)),
  ]));
}
