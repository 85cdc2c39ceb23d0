// Per-sample, per-point PLRP diagnostics (../shared/spec/plrp.md) from the statistics the relevance
// pass computed at each pruning point ([N, PRUNE_STATS] and, for PLRP-λ, λ as [N, 2]).
import type { HostArray } from '../lrp/algebra';
import type { PruningDiagnostics } from '../explain/types';
import type { PruningPlan } from './pruning-plan';
import { PRUNE_STATS } from './prune-stats';

const finite = (v: number) => (Number.isFinite(v) ? v : null);

export function pointDiagnostics(plan: PruningPlan, point: string, stats: HostArray, lambda: HostArray | undefined): PruningDiagnostics[] {
  const n = stats.dims[0];
  const w = PRUNE_STATS.length;
  const out: PruningDiagnostics[] = [];
  for (let b = 0; b < n; b++) {
    const [prunedCount, keptCount, prunedMass, totalMass, signFlips, sumBefore, sumAfter, massAfter] = stats.data.subarray(b * w, (b + 1) * w);
    const l0 = lambda ? lambda.data[b * 2] : Number.NaN;
    const l1 = lambda ? lambda.data[b * 2 + 1] : Number.NaN;
    const perSign = plan.method === 'plrp-lambda' && plan.lambda === 'per-sign';
    out.push({
      point, p: plan.pOf(point), prunedCount, keptCount,
      prunedMassFraction: totalMass === 0 ? 0 : prunedMass / totalMass,
      lambda: perSign ? null : finite(l0),
      lambdaPos: perSign ? finite(l0) : null,
      lambdaNeg: perSign ? finite(l1) : null,
      signFlips, sumBefore, sumAfter, massBefore: totalMass, massAfter,
    });
  }
  return out;
}
