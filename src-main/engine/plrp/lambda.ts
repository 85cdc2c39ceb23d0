// PLRP-λ redistribution: zero the pruned entries and rescale the kept ones.
// total: λ = ΣR / Σ_kept R (1 when the kept sum is 0) — conserves ΣR; λ < 0 flips every kept sign.
// per-sign: λ⁺ = ΣR⁺/Σ_kept R⁺, λ⁻ = ΣR⁻/Σ_kept R⁻ — conserves both masses, never flips.
import type { LambdaMode } from '../../shared/explain-config';

export interface LambdaValues { lambda: number | null; lambdaPos: number | null; lambdaNeg: number | null }

export function lambdaValues(r: Float32Array, keep: Float32Array, mode: LambdaMode): LambdaValues {
  let total = 0, kept = 0, pos = 0, keptPos = 0, negSum = 0, keptNeg = 0;
  for (let i = 0; i < r.length; i++) {
    const v = r[i];
    total += v;
    if (v > 0) pos += v; else negSum += v;
    if (keep[i]) {
      kept += v;
      if (v > 0) keptPos += v; else keptNeg += v;
    }
  }
  if (mode === 'total') return { lambda: kept === 0 ? 1 : total / kept, lambdaPos: null, lambdaNeg: null };
  return { lambda: null, lambdaPos: keptPos === 0 ? 1 : pos / keptPos, lambdaNeg: keptNeg === 0 ? 1 : negSum / keptNeg };
}

export function redistributeLambda(r: Float32Array, keep: Float32Array, mode: LambdaMode): Float32Array {
  const l = lambdaValues(r, keep, mode);
  const out = new Float32Array(r.length);
  for (let i = 0; i < r.length; i++) {
    if (!keep[i]) continue;
    const factor = mode === 'total' ? l.lambda! : r[i] > 0 ? l.lambdaPos! : l.lambdaNeg!;
    out[i] = factor * r[i];
  }
  return out;
}
