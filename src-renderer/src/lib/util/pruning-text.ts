// Words for a pruning point's diagnostics. The engine's prunedCount is every unit whose relevance
// is zero after pruning, which includes units that carried none to begin with (after a ReLU or a
// max-pool, often most of them): "98% pruned" would overstate what PLRP removed. The labels say
// "at zero" and put it beside the relevance mass PLRP actually pruned.
import type { PruningDiagnostics } from '../../../../src-main/shared/model-info';

type Counts = Pick<PruningDiagnostics, 'prunedCount' | 'keptCount' | 'prunedMassFraction'>;

/** Whole percent, except that a share short of all (or above none) never rounds to 100 % (or 0 %). */
const pct = (x: number): string => {
  const whole = Math.round(100 * x);
  if (whole === 100 && x < 1) return `${Math.min(99.9, Math.floor(1000 * x) / 10)}%`;
  if (whole === 0 && x > 0) return `${Math.max(0.1, Math.ceil(1000 * x) / 10)}%`;
  return `${whole}%`;
};

/** Share of the point's units that are at zero after pruning (0 when it has none). */
export function zeroShare(p: Counts): number {
  const total = p.prunedCount + p.keptCount;
  return total > 0 ? p.prunedCount / total : 0;
}

/** "1,562 of 1,600": units at zero out of all the point's units. */
export function unitsAtZero(p: Counts): string {
  return `${p.prunedCount.toLocaleString('en-US')} of ${(p.prunedCount + p.keptCount).toLocaleString('en-US')}`;
}

/** The bar's label: "98% of units at zero, 49% of |R| pruned". */
export function pruningBarLabel(p: Counts): string {
  return `${pct(zeroShare(p))} of units at zero, ${pct(p.prunedMassFraction)} of |R| pruned`;
}
