// Per-sequence warnings for explanations whose sign contradicts the prediction they explain.
//
// PLRP-λ with `lambda: total` rescales the kept entries by λ = Σ R / Σ_kept R. When the kept sum has
// the opposite sign of the total, λ < 0 and every kept entry flips sign (../shared/spec/plrp.md):
// the main feature then shows with the opposite sign of LRP's, e.g. cnn4-pair on a sequence whose
// LRP peak is strongly negative gets a strong positive PLRP peak on the same bases. Per-sign λ
// rescales each sign by its own factor and never flips.
//
// Any method: relevance at the input should sum to about the explained logit (LRP conserves it up to
// what biases and stabilizers absorb). A Σ R of the opposite sign that is not a small fraction of the
// logit means the explanation argues against the prediction it explains.
import type { PruningDiagnostics } from './types';
import { fmt } from './pruning-warnings';

const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/** Whether some PLRP-λ/total pruning point has λ < 0 (when flippedSignWarning warns). */
export function flipsSign(diagnostics: PruningDiagnostics[][]): boolean {
  return diagnostics.some((points) => points.some((d) => d.lambda !== null && d.lambda < 0));
}

/**
 * The warning for one explanation of one sequence (`diagnostics` as [window][pruning point]) when a
 * PLRP-λ pruning point has λ < 0, or null. It names the point with the most negative λ and, for
 * tiled sequences, its window and how many other windows are affected.
 */
export function flippedSignWarning(name: string, explanationId: string, diagnostics: PruningDiagnostics[][]): string | null {
  let worst: { d: PruningDiagnostics; window: number } | null = null;
  let windows = 0;
  let points = 0;
  diagnostics.forEach((row, window) => {
    let hit = false;
    for (const d of row) {
      if (d.lambda === null || !(d.lambda < 0)) continue;
      hit = true;
      points++;
      if (!worst || d.lambda < worst.d.lambda!) worst = { d, window };
    }
    if (hit) windows++;
  });
  if (!worst) return null;
  const { d, window } = worst as { d: PruningDiagnostics; window: number };
  const where = diagnostics.length > 1 ? ` in window ${window + 1} of ${diagnostics.length}${windows > 1 ? ` (and ${windows - 1} other window${windows > 2 ? 's' : ''})` : ''}` : '';
  const others = diagnostics.length <= 1 && points > 1 ? ` (and ${points - 1} other point${points > 2 ? 's' : ''})` : '';
  const flips = d.signFlips > 0 ? `${d.signFlips} kept entr${d.signFlips === 1 ? 'y' : 'ies'} changed sign` : 'the kept entries changed sign';
  return `PLRP-λ flipped the sign of relevance for sequence ${name} under explanation ${explanationId}: at pruning point ${d.point}${where}${others} ` +
    `λ = ${fmt(d.lambda!)}, so ${flips} (the kept relevance summed to the opposite sign of the total); features below that point can show with ` +
    "the opposite sign of LRP's (compare with LRP, or use `lambda: per-sign`, which never flips signs)";
}

/** Σ R of the opposite sign is reported only when it is more than this fraction of |logit|. */
export const MIN_REVERSED_FRACTION = 0.25;
/**
 * Logits closer to 0 than this have no sign worth contradicting (a sigmoid of 0.44–0.56). On the demo,
 * LRP itself sums to the opposite sign of logits of 0.12–0.24 on 5 of 40 sequences under cnn4-pair and
 * 2 under cnn32-pair (what biases absorb): those are uncertain predictions.
 */
export const MIN_LOGIT = 0.25;

/**
 * The warning when the input relevance sums to the opposite sign of the explained logit and to more
 * than MIN_REVERSED_FRACTION of it (|logit| ≥ MIN_LOGIT); else null. Only meaningful where Σ R
 * explains that one logit: a sequence of one window (tiled sequences stitch several windows).
 */
export function reversedSumWarning(name: string, explanationId: string, sumR: number, logit: number): string | null {
  if (!Number.isFinite(sumR) || !Number.isFinite(logit) || Math.abs(logit) < MIN_LOGIT) return null;
  if (Math.sign(sumR) === Math.sign(logit) || Math.abs(sumR) <= MIN_REVERSED_FRACTION * Math.abs(logit)) return null;
  return `relevance of sequence ${name} under explanation ${explanationId} sums to ${signed(sumR)} while the explained logit is ${signed(logit)}: ` +
    "this explanation reverses the prediction's sign (compare with LRP)";
}

/**
 * Both warnings for one explanation of one sequence: the PLRP-λ flip from its diagnostics, the
 * reversed Σ R when the sequence is one model input (`oneWindow`; Σ R of a tiled sequence does not
 * explain one logit).
 */
export function signWarnings(name: string, explanationId: string, diagnostics: PruningDiagnostics[][] | null, sumR: number, logit: number, oneWindow: boolean): string[] {
  const flipped = diagnostics ? flippedSignWarning(name, explanationId, diagnostics) : null;
  const reversed = oneWindow ? reversedSumWarning(name, explanationId, sumR, logit) : null;
  return [flipped, reversed].filter((w): w is string => w !== null);
}
