// From an explanation config to the per-layer rules and pruning of one relevance pass.
import type { ExplainConfig } from '../../shared/explain-config';
import type { AnalyzedModel, LinearUnit } from '../model/analyze';
import { ruleFor } from './composites';
import { pruningPlanFor } from '../plrp/pruning-plan';
import type { LayerPlan, PassPlan } from './relevance-pass';

export function buildPassPlan(model: AnalyzedModel, config: ExplainConfig, observeLayers = false): PassPlan {
  const layers = new Map<LinearUnit, LayerPlan>();
  model.linearUnits.forEach((u, i) => {
    layers.set(u, {
      rule: ruleFor(config.composite, u.params.layer, i === 0, config.rules, u.name),
      params: {
        epsilon: config.epsilon,
        stabilizer: config.stabilizer,
        gamma: config.gamma,
        inputNonNegative: model.nonNegative.has(u.input),
      },
    });
  });
  const layerOfPoint = (point: string) => model.linearUnits.find((u) => u.input === point)?.name;
  return { layers, pruning: pruningPlanFor(config, layerOfPoint), observeLayers };
}
