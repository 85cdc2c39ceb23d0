// How much PLRP's redistribution changed Σ|R| at a pruning point (engine/explain/pruning-warnings.ts
// explains why a value above MAX_MASS_MAGNIFICATION deserves a warning). Shared so that the engine's
// warning and the Layers view's column use one threshold.
import type { PruningDiagnostics } from './model-info';

/** A pruning point whose redistribution multiplied Σ|R| by more than this is flagged. */
export const MAX_MASS_MAGNIFICATION = 10;

/**
 * Σ|R̃| / Σ|R| at one pruning point; null when it is not defined (no relevance, non-finite, or
 * diagnostics stored before these sums were kept).
 */
export function massMagnification(d: Pick<PruningDiagnostics, 'massBefore' | 'massAfter'>): number | null {
  const m = d.massAfter / d.massBefore;
  return d.massBefore > 0 && Number.isFinite(m) ? m : null;
}
