// Per-sample, per-point PLRP diagnostics (../shared/spec/plrp.md) from the tensors the relevance
// pass observed: relevance before and after pruning, and the keep mask.
import type { HostArray } from '../lrp/algebra';
import type { PruningDiagnostics } from '../explain/types';
import type { PruningPlan } from './pruning-plan';
import { lambdaValues } from './lambda';

export function pointDiagnostics(plan: PruningPlan, point: string, before: HostArray, after: HostArray | undefined, keep: HostArray | undefined): PruningDiagnostics[] {
  const n = before.dims[0];
  const size = before.data.length / n;
  const p = plan.pOf(point);
  const out: PruningDiagnostics[] = [];
  for (let b = 0; b < n; b++) {
    const r = before.data.subarray(b * size, (b + 1) * size);
    const a = after ? after.data.subarray(b * size, (b + 1) * size) : r;
    const k = keep ? keep.data.subarray(b * size, (b + 1) * size) : null;
    let pruned = 0, prunedMass = 0, mass = 0, flips = 0, sumBefore = 0, sumAfter = 0;
    for (let i = 0; i < size; i++) {
      const v = r[i];
      mass += Math.abs(v);
      sumBefore += v;
      sumAfter += a[i];
      if (k && !k[i]) { pruned++; prunedMass += Math.abs(v); }
      else if (v * a[i] < 0) flips++;
    }
    const lambdas = k && plan.method === 'plrp-lambda' ? lambdaValues(r, k, plan.lambda) : { lambda: null, lambdaPos: null, lambdaNeg: null };
    out.push({
      point, p, prunedCount: pruned, keptCount: size - pruned,
      prunedMassFraction: mass === 0 ? 0 : prunedMass / mass,
      ...lambdas, signFlips: flips, sumBefore, sumAfter,
    });
  }
  return out;
}
