// Position-specific scoring matrices with FIMO's exact semantics (MEME Suite `pssm.c`), so our
// hits and p-values can be checked against `fimo --text`:
//  1. pseudocount  p' = (p·nsites + α·bg) / (nsites + α), α = 0.1, nsites from the file else 20;
//  2. log-odds     s = log2(p' / bg);
//  3. integer scaling over the whole matrix: offset = floor(min s), scale = floor(1000 / (max s − offset)),
//     cell = round((s − offset)·scale), so every column spans at most 0..1000;
//  4. exact score distribution by dynamic programming over columns with the background probabilities,
//     p-value(S) = P(score ≥ S) from the reverse cumulative sum;
//  5. reported score = S/scale + width·offset (MEME's scaled_to_raw), score and p-value rounded to
//     10 significant digits as FIMO does (so outputs agree across platforms).
import type { Motif } from './motif';

export const DEFAULT_PSEUDOCOUNT = 0.1;
/** MEME's default when a motif file does not give nsites. */
export const DEFAULT_NSITES = 20;
/** MEME's PSSM_RANGE: the integer score range of one column. */
export const PSSM_RANGE = 1000;

export interface ScoringMatrix {
  width: number;
  /** Integer scores [width][4] row-major, A,C,G,T. */
  scores: Int32Array;
  scale: number;
  offset: number;
  /** pValues[S] = P(score ≥ S) under the background, S = 0..width·range. */
  pValues: Float64Array;
}

export function applyPseudocount(probs: number[][], nsites: number | null, bg: number[], pseudocount = DEFAULT_PSEUDOCOUNT): number[][] {
  const n = nsites ?? DEFAULT_NSITES;
  return probs.map((row) => row.map((p, k) => (p * n + pseudocount * bg[k]) / (n + pseudocount)));
}

export function logOdds(probs: number[][], bg: number[]): number[][] {
  return probs.map((row) => row.map((p, k) => Math.log2(p / bg[k])));
}

export function scaleLogOdds(logOddsRows: number[][], range = PSSM_RANGE): { scores: Int32Array; scale: number; offset: number } {
  let small = Infinity;
  let large = -Infinity;
  for (const row of logOddsRows) for (const v of row) {
    if (v < small) small = v;
    if (v > large) large = v;
  }
  // MEME avoids a division by zero for a constant matrix the same way.
  if (large === small) large = small + 1;
  const offset = Math.floor(small);
  const scale = Math.floor(range / (large - offset));
  const scores = new Int32Array(logOddsRows.length * 4);
  logOddsRows.forEach((row, i) => row.forEach((v, k) => { scores[i * 4 + k] = Math.round((v - offset) * scale); }));
  return { scores, scale, offset };
}

/** Exact P(score ≥ S) for every integer S, by convolving the per-column score distributions. */
export function scorePValues(scores: Int32Array, width: number, bg: number[]): Float64Array {
  let max = 0;
  for (let i = 0; i < width; i++) max += Math.max(scores[i * 4], scores[i * 4 + 1], scores[i * 4 + 2], scores[i * 4 + 3]);
  // Two buffers used in turn (879 motifs of up to ~30 columns allocated megabytes each otherwise).
  let pdf = new Float64Array(max + 1);
  let next = new Float64Array(max + 1);
  pdf[0] = 1;
  // [lo, hi] bounds the reachable scores so far; within it many integer scores are unreachable
  // (zero probability), which the `v === 0` test skips cheaply.
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < width; i++) {
    const s0 = scores[i * 4];
    const s1 = scores[i * 4 + 1];
    const s2 = scores[i * 4 + 2];
    const s3 = scores[i * 4 + 3];
    const low = Math.min(s0, s1, s2, s3);
    const high = Math.max(s0, s1, s2, s3);
    next.fill(0, lo + low, hi + high + 1);
    // One pass over the current distribution, scattering into the four letters' shifts.
    for (let j = lo; j <= hi; j++) {
      const v = pdf[j];
      if (v === 0) continue;
      next[j + s0] += v * bg[0];
      next[j + s1] += v * bg[1];
      next[j + s2] += v * bg[2];
      next[j + s3] += v * bg[3];
    }
    lo += low;
    hi += high;
    [pdf, next] = [next, pdf];
  }
  const pv = new Float64Array(max + 1);
  let acc = 0;
  for (let s = max; s >= 0; s--) {
    // Outside [lo, hi] the buffer holds what earlier columns left there.
    if (s >= lo && s <= hi) acc += pdf[s];
    pv[s] = Math.min(1, acc);
  }
  return pv;
}

export function reverseComplementProbs(probs: number[][]): number[][] {
  // Reversed positions, and A↔T, C↔G swapped: column order A,C,G,T becomes T,G,C,A.
  return probs.slice().reverse().map((row) => [row[3], row[2], row[1], row[0]]);
}

export function buildScoringMatrix(motif: Pick<Motif, 'probs' | 'nsites'>, bg: number[], pseudocount = DEFAULT_PSEUDOCOUNT): ScoringMatrix {
  const probs = applyPseudocount(motif.probs, motif.nsites, bg, pseudocount);
  const { scores, scale, offset } = scaleLogOdds(logOdds(probs, bg));
  const width = motif.probs.length;
  return { width, scores, scale, offset, pValues: scorePValues(scores, width, bg) };
}

export function scaledToRaw(score: number, m: Pick<ScoringMatrix, 'width' | 'scale' | 'offset'>): number {
  return roundSignificant(score / m.scale + m.width * m.offset);
}

/** FIMO's RND(x, 10): round to 10 significant digits. */
export function roundSignificant(x: number, digits = 10): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

/**
 * Smallest integer score whose p-value is ≤ `threshold` (pValues.length when none). FIMO reports
 * `p ≤ --thresh` (fimo.c `fimo_record_score`); p-values are discrete, so this differs from a strict
 * `<` only when a p-value equals the threshold exactly.
 */
export function scoreThreshold(pValues: Float64Array, threshold: number): number {
  let lo = 0;
  let hi = pValues.length; // pValues is non-increasing in S
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pValues[mid] <= threshold) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
