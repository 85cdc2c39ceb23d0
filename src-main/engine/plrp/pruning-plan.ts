// What a PLRP explanation prunes: method, p per pruning point, threshold and λ mode (../shared/spec/plrp.md).
import type { ExplainConfig, LambdaMode, ThresholdMode } from '../../shared/explain-config';

export interface PruningPlan {
  method: 'plrp-lambda' | 'plrp-m';
  threshold: ThresholdMode;
  lambda: LambdaMode;
  /** p at a pruning point (tensor name); 0 means the point is left as LRP has it. */
  pOf(point: string): number;
}

/**
 * `p` is one number for all points, or an object keyed by pruning-point tensor name (or the name of
 * the layer reading it) with an optional "*" default.
 */
export function pruningPlanFor(config: ExplainConfig, layerOfPoint: (point: string) => string | undefined): PruningPlan | null {
  if (config.method === 'lrp') return null;
  const p = config.p;
  return {
    method: config.method,
    threshold: config.threshold,
    lambda: config.lambda,
    pOf: (point) => {
      if (typeof p === 'number') return p;
      const layer = layerOfPoint(point);
      return p[point] ?? (layer !== undefined ? p[layer] : undefined) ?? p['*'] ?? 0;
    },
  };
}
