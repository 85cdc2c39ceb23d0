// A per-sequence warning for PLRP explanations whose redistribution magnified the relevance instead
// of moving it. The numbers are the spec's (../shared/spec/plrp.md); the warning only says when they
// are dominated by an amplification the input does not justify.
//
// At a pruning point, m = Σ|R̃| after / Σ|R| before. Redistributing pruned relevance onto the kept
// entries gives m ≤ 1 as long as it only moves relevance: PLRP-λ/total has m = |λ| · (kept share of
// Σ|R|), which is ≤ 1 whenever the kept entries share one sign; PLRP-λ/per-sign conserves both masses
// (m = 1). m > 1 needs cancellation: kept positive and negative relevance nearly summing to 0 (λ =
// ΣR / Σ_kept R large, often negative), or for PLRP-M a masked denominator near 0 in a rule with
// mixed-sign terms (ε on dense layers). The magnified ± relevance then passes layers whose biases
// absorb different shares of it, so Σ R at the input drifts far from the logit, and single bases
// spike. With cnn32-pair on the demo set and the windows of a random 50 kb sequence (13,494
// explanations under 13 PLRP settings), m has a median of 0.7–1.0; 43 explanations (0.3 %) pass 10,
// and 27 of those have a peak over 10× LRP's or a Σ R moved by over 10× the logit.
import type { PruningDiagnostics } from './types';
import { MAX_MASS_MAGNIFICATION, massMagnification } from '../../shared/mass-magnification';

export { MAX_MASS_MAGNIFICATION, massMagnification };

/** A diagnostic number in a warning: 3 significant digits, whole numbers from 100 on. */
export const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));

/** Whether some pruning point magnifies Σ|R| beyond `limit` (when magnifiedRelevanceWarning warns). */
export function magnifiesRelevance(diagnostics: PruningDiagnostics[][], limit = MAX_MASS_MAGNIFICATION): boolean {
  return diagnostics.some((points) => points.some((d) => {
    const m = massMagnification(d);
    return m !== null && m > limit;
  }));
}

/**
 * The warning for one explanation of one sequence (`diagnostics` as [window][pruning point]), or
 * null when no point magnifies Σ|R| beyond `limit`. It names the worst point and, for tiled
 * sequences, its window and how many other windows are affected.
 */
export function magnifiedRelevanceWarning(name: string, explanationId: string, diagnostics: PruningDiagnostics[][], limit = MAX_MASS_MAGNIFICATION): string | null {
  let worst: { d: PruningDiagnostics; m: number; window: number } | null = null;
  let windows = 0;
  diagnostics.forEach((points, window) => {
    let hit = false;
    for (const d of points) {
      const m = massMagnification(d);
      if (m === null || m <= limit) continue;
      hit = true;
      if (!worst || m > worst.m) worst = { d, m, window };
    }
    if (hit) windows++;
  });
  if (!worst) return null;
  const { d, m, window } = worst as { d: PruningDiagnostics; m: number; window: number };
  const where = diagnostics.length > 1 ? ` in window ${window + 1} of ${diagnostics.length}${windows > 1 ? ` (and ${windows - 1} other window${windows > 2 ? 's' : ''})` : ''}` : '';
  const why = d.lambda !== null
    ? `λ = ${fmt(d.lambda)}: the kept relevance of both signs nearly cancels`
    : 'the masked rule divides by a denominator near 0';
  // Per-sign λ conserves each sign's mass, so it cannot magnify; PLRP-M has no λ to change.
  const instead = d.lambda !== null ? 'compare with LRP; PLRP-λ with per-sign λ cannot magnify' : 'compare with LRP or PLRP-λ';
  return `PLRP magnified relevance for sequence ${name} under explanation ${explanationId}: at pruning point ${d.point}${where} ` +
    `Σ|R| grew ${fmt(m)}-fold (${why}); the relevance below that point carries this amplification, so Σ R and single bases can be far off LRP's (${instead})`;
}
