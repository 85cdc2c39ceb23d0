// The metric names a user can ask for (`--metrics gini,entropy,rma,rra,lipschitz,faithfulness`).
import { AppError } from '../../shared/errors';

export const METRIC_NAMES = ['gini', 'entropy', 'rma', 'rra', 'lipschitz', 'faithfulness'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Model-dependent metrics: they call the model again (slower; need callbacks). */
export const MODEL_METRICS: readonly MetricName[] = ['lipschitz', 'faithfulness'];

export function isMetricName(s: string): s is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(s);
}

/** "gini, rma" → ['gini', 'rma'] (deduplicated, in the order given); `all` selects every metric. */
export function parseMetricNames(text: string): MetricName[] {
  const parts = text.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (parts.length === 0) throw new AppError('USAGE', `--metrics: no metric named; choose from ${METRIC_NAMES.join(', ')}`);
  const out: MetricName[] = [];
  for (const p of parts) {
    if (p === 'all') return [...METRIC_NAMES];
    if (!isMetricName(p)) throw new AppError('USAGE', `--metrics: unknown metric "${p}"; choose from ${METRIC_NAMES.join(', ')}, all`);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
