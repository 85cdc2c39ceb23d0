// The relevance pass: walks the analysed graph backwards from the logit, applying each layer's rule
// (parametric layers) or handler (everything else), accumulating relevance where a tensor feeds
// several consumers, and pruning at PLRP points once a tensor's relevance is complete.
// Written once against `Algebra<T>`, it runs eagerly (reference backend) or emits ONNX (ORT backend).
import type { Algebra } from './algebra';
import type { AnalyzedModel, LinearUnit, Unit } from '../model/analyze';
import { RULES, type RuleName, type RuleParams } from './rules';
import { handlerFor } from './handlers';
import type { HandlerContext } from './handlers/handler';
import { AppError } from '../../shared/errors';
import type { PruningPlan } from '../plrp/pruning-plan';
import { pruneAtPoint } from '../plrp/prune-point';

export interface LayerPlan {
  rule: RuleName;
  params: RuleParams;
}

export interface PassPlan {
  layers: Map<LinearUnit, LayerPlan>;
  pruning: PruningPlan | null;
  /** Observe the relevance before and after pruning at every point (the Layers view). */
  observeLayers: boolean;
}

/** Recomputes one consumer's contribution to a pruning point from a masked activation (PLRP-M). */
export type Recompute<T> = (maskedActivation: T) => T;

export function relevancePass<T>(alg: Algebra<T>, model: AnalyzedModel, plan: PassPlan, act: (name: string) => T, startRelevance: T): T {
  const relevance = new Map<string, T>([[model.logit, startRelevance]]);
  const accumulate = (name: string, r: T) => {
    const prev = relevance.get(name);
    relevance.set(name, prev === undefined ? r : alg.add(prev, r));
  };
  const remaining = new Map<string, number>();
  for (const [t, cs] of model.consumers) remaining.set(t, cs.length);
  const pointP = (t: string) => (plan.pruning ? plan.pruning.pOf(t) : 0);
  const recomputes = new Map<string, Recompute<T>[]>();

  for (let k = model.units.length - 1; k >= 0; k--) {
    const unit = model.units[k];
    const inputs = unit.kind === 'linear' ? [unit.input] : unit.dataInputs;
    for (const [name, r] of backwardUnit(alg, model, plan, unit, act, (n) => relevance.get(n), true)) accumulate(name, r);
    if (plan.pruning?.method === 'plrp-m') registerRecomputes(alg, model, plan, unit, act, relevance, recomputes, pointP);
    for (const t of new Set(inputs)) {
      const left = (remaining.get(t) ?? 1) - 1;
      remaining.set(t, left);
      const r = relevance.get(t);
      if (left === 0 && r !== undefined && plan.pruning && model.pruningPoints.includes(t)) {
        relevance.set(t, pruneAtPoint(alg, plan.pruning, t, pointP(t), r, act(t), recomputes.get(t) ?? [], plan.observeLayers));
      }
    }
  }
  return relevance.get(model.input.name) ?? alg.fillLike(act(model.input.name), 0);
}

/** `forwardActivations`: `act` gives the forward pass's own tensors (not PLRP-M's masked ones). */
function backwardUnit<T>(alg: Algebra<T>, model: AnalyzedModel, plan: PassPlan, unit: Unit, act: (name: string) => T, rOut: (name: string) => T | undefined, forwardActivations: boolean): [string, T][] {
  if (unit.kind === 'linear') {
    const r = rOut(unit.output);
    if (r === undefined) return [];
    const layer = plan.layers.get(unit)!;
    // The layer's output tensor is its z (BatchNorm/bias folded): reuse it rather than recompute.
    const z = forwardActivations ? act(unit.output) : undefined;
    return [[unit.input, RULES[layer.rule](alg, act(unit.input), r, unit.params, layer.params, z)]];
  }
  const handler = handlerFor(unit.opType);
  if (!handler) throw new AppError('UNSUPPORTED_OP', `${model.graph.file}: node '${unit.name}' (${unit.opType}) has no relevance handler`);
  const ctx: HandlerContext<T> = { alg, graph: model.graph, act, rOut };
  return handler(ctx, unit);
}

/** PLRP-M re-applies every consumer's own rule to the masked activation of a pruning point. */
function registerRecomputes<T>(alg: Algebra<T>, model: AnalyzedModel, plan: PassPlan, unit: Unit, act: (name: string) => T, relevance: Map<string, T>, recomputes: Map<string, Recompute<T>[]>, pointP: (t: string) => number): void {
  const inputs = unit.kind === 'linear' ? [unit.input] : unit.dataInputs;
  for (const t of new Set(inputs)) {
    if (!model.pruningPoints.includes(t) || pointP(t) === 0) continue;
    const rOut = (n: string) => relevance.get(n);
    const outputs = unit.kind === 'linear' ? [unit.output] : unit.node.outputs;
    // Snapshot the relevance at this consumer's outputs now: later steps never change it, but
    // keep the closure independent of the map.
    const snapshot = new Map(outputs.map((o) => [o, rOut(o)] as const));
    const fn: Recompute<T> = (masked) => {
      const maskedAct = (n: string) => (n === t ? masked : act(n));
      const parts = backwardUnit(alg, model, plan, unit, maskedAct, (n) => snapshot.get(n), false);
      const mine = parts.filter(([name]) => name === t).map(([, r]) => r);
      return mine.length === 0 ? alg.fillLike(masked, 0) : mine.reduce((x, y) => alg.add(x, y));
    };
    recomputes.set(t, [...(recomputes.get(t) ?? []), fn]);
  }
}
