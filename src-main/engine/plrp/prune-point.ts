// Pruning at one point of the relevance pass: choose the kept entries per sample on the host,
// then redistribute (PLRP-λ on the host; PLRP-M by re-running the consumers' rules on the masked
// activation through the algebra). Before/after/keep are observed for diagnostics and layer views.
import type { Algebra, HostArray } from '../lrp/algebra';
import type { PruningPlan } from './pruning-plan';
import type { Recompute } from '../lrp/relevance-pass';
import { keepMask } from './keep-mask';
import { redistributeLambda } from './lambda';

function perSample(x: HostArray, f: (sample: Float32Array) => Float32Array): HostArray {
  const n = x.dims[0];
  const size = x.data.length / n;
  const out = new Float32Array(x.data.length);
  for (let b = 0; b < n; b++) out.set(f(x.data.subarray(b * size, (b + 1) * size)), b * size);
  return { dims: x.dims, data: out };
}

export function pruneAtPoint<T>(alg: Algebra<T>, plan: PruningPlan, point: string, p: number, r: T, activation: T, recomputes: Recompute<T>[]): T {
  alg.observe(`before:${point}`, r);
  if (p === 0) return r; // p = 0 must reproduce LRP bit for bit: nothing is touched
  const dims = alg.dims(r);
  let after: T;
  let keep: T;
  if (plan.method === 'plrp-lambda') {
    [after, keep] = alg.host((inputs) => {
      const k = perSample(inputs[0], (s) => keepMask(s, p, plan.threshold));
      const kd = k.data;
      const size = kd.length / inputs[0].dims[0];
      let b = 0;
      const a = perSample(inputs[0], (s) => redistributeLambda(s, kd.subarray(b * size, (b++ + 1) * size), plan.lambda));
      return [a, k];
    }, [r], [dims, dims]);
  } else {
    [keep] = alg.host((inputs) => [perSample(inputs[0], (s) => keepMask(s, p, plan.threshold))], [r], [dims]);
    const masked = alg.mul(activation, keep);
    after = recomputes.map((f) => f(masked)).reduce((x, y) => alg.add(x, y));
  }
  alg.observe(`keep:${point}`, keep);
  alg.observe(`after:${point}`, after);
  return after;
}
