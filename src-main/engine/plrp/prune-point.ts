// Pruning at one point of the relevance pass (../shared/spec/plrp.md): choose the kept entries per
// sample, then redistribute — PLRP-λ rescales the kept relevance, PLRP-M re-runs the consumers'
// rules on the masked activation. The backend computes both (in the ONNX graph or in TypeScript);
// per-sample statistics are observed for the diagnostics, the full tensors only when asked for.
import type { Algebra } from '../lrp/algebra';
import type { PruningPlan } from './pruning-plan';
import type { Recompute } from '../lrp/relevance-pass';

export function pruneAtPoint<T>(alg: Algebra<T>, plan: PruningPlan, point: string, p: number, r: T, activation: T, recomputes: Recompute<T>[], observeLayers: boolean): T {
  if (observeLayers) alg.observe(`before:${point}`, r);
  if (p === 0) {
    // p = 0 must reproduce LRP bit for bit: nothing is touched, the statistics say so.
    alg.observe(`stats:${point}`, alg.pruneStats(r, r, alg.fillLike(r, 1)));
    return r;
  }
  const keep = alg.keepMask(r, p, plan.threshold);
  let after: T;
  if (plan.method === 'plrp-lambda') {
    const redistributed = alg.redistributeLambda(r, keep, plan.lambda);
    after = redistributed.after;
    alg.observe(`lambda:${point}`, redistributed.lambda);
  } else {
    const masked = alg.mul(activation, keep);
    after = recomputes.map((f) => f(masked)).reduce((x, y) => alg.add(x, y));
  }
  alg.observe(`stats:${point}`, alg.pruneStats(r, after, keep));
  if (observeLayers) alg.observe(`after:${point}`, after);
  return after;
}
