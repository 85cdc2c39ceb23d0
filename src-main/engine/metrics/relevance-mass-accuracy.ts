// Relevance mass accuracy (Arras, Osman & Samek 2022, CLEVR-XAI): the share of relevance that falls
// on the ground-truth positions (planted motifs, or a BED file).
// - `positive` (default, the CLEVR-XAI definition): Σ_{GT} r⁺ / Σ r⁺, in [0, 1]. Negative evidence
//   is not "mass" pointing at anything, and counting it lets the score exceed 1.
// - `signed` (Quantus default): Σ_{GT} r / Σ r, can exceed 1 or go negative.
// - `abs`: Σ_{GT} |r| / Σ |r|.

export type RmaMode = 'positive' | 'signed' | 'abs';
export const RMA_MODES: readonly RmaMode[] = ['positive', 'signed', 'abs'];

/** null when there is no ground truth or no mass to share out (denominator 0). */
export function relevanceMassAccuracy(
  r: ArrayLike<number>,
  groundTruth: ArrayLike<number | boolean> | null | undefined,
  mode: RmaMode = 'positive',
): number | null {
  if (!groundTruth) return null;
  if (groundTruth.length !== r.length) {
    throw new Error(`ground truth has ${groundTruth.length} positions, relevance ${r.length}`);
  }
  const part = (v: number): number => (mode === 'positive' ? Math.max(v, 0) : mode === 'abs' ? Math.abs(v) : v);
  let inside = 0;
  let total = 0;
  let anyGt = false;
  for (let i = 0; i < r.length; i++) {
    const v = part(r[i]);
    total += v;
    if (groundTruth[i]) {
      inside += v;
      anyGt = true;
    }
  }
  if (!anyGt || total === 0 || !Number.isFinite(total)) return null;
  return inside / total;
}
