// Local Lipschitz estimate (Alvarez-Melis & Jaakkola 2018): how much the explanation moves when the
// input moves a little, max_s ‖e(x) − e(x_s)‖₂ / ‖x − x_s‖₂ (lower = more robust), with e the
// per-position relevance divided by its max |·| so the score compares shapes, not scales.
// - `dna` (default): x_s = x with k random substitutions (k = max(1, round(0.01 L)), S = 20), so
//   neighbours stay valid DNA and ‖x − x_s‖₂ = √(2k). Gaussian noise on one-hot input leaves the
//   data manifold the model was trained on.
// - `gaussian` (Quantus `LocalLipschitzEstimate`): x_s = x + N(0, σ²) on every cell, σ = 0.1, S = 200.
// Stochastic: the neighbours come from a seeded PRNG and the seed is returned with the score.
import type { ExplainBatch } from './model-callbacks';
import { inChunks } from './model-callbacks';
import type { Rng } from './rng';
import { DEFAULT_METRICS_SEED, mulberry32 } from './rng';

export type LipschitzMode = 'dna' | 'gaussian';

export interface LipschitzOptions {
  mode?: LipschitzMode;
  /** Number of neighbours S (default 20 for dna, 200 for gaussian). */
  samples?: number;
  /** Substitutions per neighbour in dna mode (default max(1, round(0.01 L))). */
  substitutions?: number;
  /** Noise σ in gaussian mode (default 0.1). */
  sigma?: number;
  seed?: number;
  maxBatch?: number;
}

export interface LipschitzResult {
  value: number;
  mode: LipschitzMode;
  samples: number;
  seed: number;
}

export interface Neighbours {
  /** [S, L, 4] */
  batch: Float32Array;
  samples: number;
  /** ‖x − x_s‖₂ per neighbour. */
  distances: Float64Array;
}

export function defaultSubstitutions(lengthBp: number): number {
  return Math.max(1, Math.round(0.01 * lengthBp));
}

export function lipschitzNeighbours(onehot: Float32Array, lengthBp: number, options: LipschitzOptions = {}): Neighbours {
  const mode = options.mode ?? 'dna';
  const samples = Math.max(1, Math.floor(options.samples ?? (mode === 'dna' ? 20 : 200)));
  const rng = mulberry32(options.seed ?? DEFAULT_METRICS_SEED);
  const perSample = lengthBp * 4;
  const batch = new Float32Array(samples * perSample);
  const distances = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    const x = batch.subarray(s * perSample, (s + 1) * perSample);
    x.set(onehot);
    if (mode === 'dna') substitute(x, lengthBp, Math.min(lengthBp, options.substitutions ?? defaultSubstitutions(lengthBp)), rng);
    else for (let i = 0; i < perSample; i++) x[i] += (options.sigma ?? 0.1) * rng.normal();
    let d2 = 0;
    for (let i = 0; i < perSample; i++) d2 += (x[i] - onehot[i]) ** 2;
    distances[s] = Math.sqrt(d2);
  }
  return { batch, samples, distances };
}

/** k distinct positions each get a different base (an N position gets a random base). */
function substitute(x: Float32Array, lengthBp: number, k: number, rng: Rng): void {
  const positions = Array.from({ length: lengthBp }, (_, i) => i);
  for (let j = 0; j < k; j++) {
    // Partial Fisher–Yates: positions[0..k) is a uniform k-subset.
    const pick = j + rng.int(lengthBp - j);
    [positions[j], positions[pick]] = [positions[pick], positions[j]];
    const o = positions[j] * 4;
    let current = -1;
    for (let c = 0; c < 4; c++) if (x[o + c] === 1) current = c;
    const next = current < 0 ? rng.int(4) : (current + 1 + rng.int(3)) % 4;
    x.fill(0, o, o + 4);
    x[o + next] = 1;
  }
}

/** e = r / max|r| with r_i = Σ_c R[i, c] (all zeros stays all zeros). */
function normalisedPositions(relevance: Float32Array | Float64Array, offset: number, lengthBp: number): Float64Array {
  const r = new Float64Array(lengthBp);
  for (let i = 0; i < lengthBp; i++) {
    const o = offset + i * 4;
    r[i] = relevance[o] + relevance[o + 1] + relevance[o + 2] + relevance[o + 3];
  }
  let max = 0;
  for (const v of r) max = Math.max(max, Math.abs(v));
  if (max > 0) for (let i = 0; i < lengthBp; i++) r[i] /= max;
  return r;
}

/** max_s ‖e(x) − e(x_s)‖₂ / ‖x − x_s‖₂ from already computed explanations. */
export function lipschitzFromExplanations(
  relevance: Float32Array,
  neighbourRelevance: Float32Array | Float64Array,
  distances: Float64Array,
  lengthBp: number,
): number {
  const ex = normalisedPositions(relevance, 0, lengthBp);
  let best = 0;
  for (let s = 0; s < distances.length; s++) {
    // A neighbour identical to x (possible only with σ = 0) says nothing about sensitivity.
    if (!(distances[s] > 0)) continue;
    const es = normalisedPositions(neighbourRelevance, s * lengthBp * 4, lengthBp);
    let d2 = 0;
    for (let i = 0; i < lengthBp; i++) d2 += (ex[i] - es[i]) ** 2;
    best = Math.max(best, Math.sqrt(d2) / distances[s]);
  }
  return best;
}

export async function localLipschitz(
  onehot: Float32Array,
  relevance: Float32Array,
  lengthBp: number,
  explain: ExplainBatch,
  options: LipschitzOptions = {},
): Promise<LipschitzResult> {
  const seed = options.seed ?? DEFAULT_METRICS_SEED;
  const mode = options.mode ?? 'dna';
  const nb = lipschitzNeighbours(onehot, lengthBp, { ...options, seed, mode });
  const perSample = lengthBp * 4;
  const explained = await inChunks(nb.batch, nb.samples, perSample, options.maxBatch ?? 64, explain, perSample);
  return { value: lipschitzFromExplanations(relevance, explained, nb.distances, lengthBp), mode, samples: nb.samples, seed };
}
