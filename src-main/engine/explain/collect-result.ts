// Turns one config's observed tensors into the batch result: relevance, PLRP diagnostics per sample
// and point, and (on request) the relevance before/after pruning at every point.
import type { ExplainConfig } from '../../shared/explain-config';
import type { AnalyzedModel } from '../model/analyze';
import type { HostArray } from '../lrp/algebra';
import { buildPassPlan } from '../lrp/pass-plan';
import { pointDiagnostics } from '../plrp/diagnostics';
import type { ExplainBatchResult, ExplainOptions, LayerRelevance, PruningDiagnostics } from './types';

export function collectConfigResult(result: ExplainBatchResult, model: AnalyzedModel, config: ExplainConfig, relevance: Float32Array, observed: Map<string, HostArray>, options: ExplainOptions): void {
  const n = result.targets.length;
  result.relevance[config.id] = relevance;
  const perSample: PruningDiagnostics[][] = Array.from({ length: n }, () => []);
  const layers: LayerRelevance[][] = Array.from({ length: n }, () => []);
  const plan = buildPassPlan(model, config).pruning;
  if (plan) {
    for (const point of model.pruningPoints) {
      const stats = observed.get(`stats:${point}`);
      if (!stats) continue;
      const diags = pointDiagnostics(plan, point, stats, observed.get(`lambda:${point}`));
      diags.forEach((d, b) => perSample[b].push(d));
      const before = observed.get(`before:${point}`);
      const after = observed.get(`after:${point}`);
      if (options.layerRelevance && before) {
        const size = before.data.length / n;
        for (let b = 0; b < n; b++) {
          layers[b].push({
            point, shape: before.dims.slice(1),
            before: before.data.slice(b * size, (b + 1) * size),
            after: (after ?? before).data.slice(b * size, (b + 1) * size),
          });
        }
      }
    }
  }
  result.diagnostics[config.id] = perSample;
  if (options.layerRelevance && result.layerRelevance) result.layerRelevance[config.id] = layers;
}
