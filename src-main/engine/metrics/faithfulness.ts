// Faithfulness by region perturbation (Samek et al. 2017, "Evaluating the visualization of what a
// deep neural network has learned"): remove the most relevant windows first (MoRF) and watch the
// target logit fall; remove the least relevant first (LeRF) and it should barely move. An
// explanation is faithful when MoRF − LeRF is large. Definitions in ../shared/spec/metrics.md.
// All 2m + 1 perturbed inputs of one sequence go to the model in one batched call.
import type { PredictTargetLogit } from './model-callbacks';
import { inChunks } from './model-callbacks';
import type { BaselineKind } from './perturbation-baseline';
import { baselineSequence } from './perturbation-baseline';
import { positionRelevance } from './position-relevance';
import { DEFAULT_METRICS_SEED, mulberry32 } from './rng';

export interface FaithfulnessOptions {
  /** Window size w in positions (default 1). */
  window?: number;
  /** Number of removal steps m (default: enough windows to cover 20 % of the positions). */
  steps?: number;
  baseline?: BaselineKind;
  /** Seed of the shuffle baseline. */
  seed?: number;
  maxBatch?: number;
  /** Keep d_0..d_m of both curves in the result (for plots). */
  keepCurves?: boolean;
}

export interface FaithfulnessResult {
  morfAuc: number;
  lerfAuc: number;
  morfMinusLerfAuc: number;
  morfAopc: number;
  lerfAopc: number;
  morfMinusLerfAopc: number;
  window: number;
  steps: number;
  baseline: BaselineKind;
  seed: number;
  morfCurve?: number[];
  lerfCurve?: number[];
}

export const DEFAULT_FAITHFULNESS_FRACTION = 0.2;

/** Window start positions ordered by summed relevance: descending for MoRF, ascending for LeRF. */
export function rankWindows(r: ArrayLike<number>, window: number, order: 'morf' | 'lerf'): number[] {
  const starts: number[] = [];
  const score: number[] = [];
  for (let s = 0; s < r.length; s += window) {
    let sum = 0;
    for (let i = s; i < Math.min(s + window, r.length); i++) sum += r[i];
    starts.push(s);
    score.push(sum);
  }
  const idx = starts.map((_, i) => i);
  // Ties keep position order, so the curve is deterministic.
  idx.sort((a, b) => (order === 'morf' ? score[b] - score[a] : score[a] - score[b]) || a - b);
  return idx.map((i) => starts[i]);
}

export function defaultSteps(lengthBp: number, window: number): number {
  const windows = Math.ceil(lengthBp / window);
  return Math.min(windows, Math.max(1, Math.round((DEFAULT_FAITHFULNESS_FRACTION * lengthBp) / window)));
}

/** AUC = trapezoid(d_0..d_m) / m, the x axis being the fraction of steps; AOPC = mean(d_0..d_m). */
export function curveAreas(d: ArrayLike<number>): { auc: number; aopc: number } {
  const m = d.length - 1;
  let trap = 0;
  let sum = d[0];
  for (let k = 1; k <= m; k++) {
    trap += (d[k - 1] + d[k]) / 2;
    sum += d[k];
  }
  return { auc: m > 0 ? trap / m : 0, aopc: sum / (m + 1) };
}

export async function faithfulness(
  onehot: Float32Array,
  relevance: Float32Array,
  lengthBp: number,
  predict: PredictTargetLogit,
  options: FaithfulnessOptions = {},
): Promise<FaithfulnessResult> {
  const window = Math.max(1, Math.floor(options.window ?? 1));
  const windows = Math.ceil(lengthBp / window);
  const steps = Math.min(windows, Math.max(1, Math.floor(options.steps ?? defaultSteps(lengthBp, window))));
  const baselineKind = options.baseline ?? 'uniform';
  const seed = options.seed ?? DEFAULT_METRICS_SEED;
  const base = baselineSequence(baselineKind, onehot, lengthBp, mulberry32(seed));
  const r = positionRelevance(relevance, lengthBp);
  const orders = [rankWindows(r, window, 'morf'), rankWindows(r, window, 'lerf')];

  // Sample 0 is x itself; then m MoRF steps, then m LeRF steps, each removing one more window.
  const perSample = lengthBp * 4;
  const n = 1 + 2 * steps;
  const batch = new Float32Array(n * perSample);
  batch.set(onehot, 0);
  orders.forEach((order, o) => {
    const current = Float32Array.from(onehot);
    for (let k = 1; k <= steps; k++) {
      const s = order[k - 1];
      const e = Math.min(s + window, lengthBp);
      current.set(base.subarray(s * 4, e * 4), s * 4);
      batch.set(current, (1 + o * steps + k - 1) * perSample);
    }
  });
  const logits = await inChunks(batch, n, perSample, options.maxBatch ?? 256, predict, 1);

  const curve = (o: number): number[] => {
    const d = [0];
    for (let k = 1; k <= steps; k++) d.push(logits[0] - logits[1 + o * steps + k - 1]);
    return d;
  };
  const morf = curve(0);
  const lerf = curve(1);
  const a = curveAreas(morf);
  const b = curveAreas(lerf);
  const result: FaithfulnessResult = {
    morfAuc: a.auc,
    lerfAuc: b.auc,
    morfMinusLerfAuc: a.auc - b.auc,
    morfAopc: a.aopc,
    lerfAopc: b.aopc,
    morfMinusLerfAopc: a.aopc - b.aopc,
    window,
    steps,
    baseline: baselineKind,
    seed,
  };
  if (options.keepCurves) {
    result.morfCurve = morf;
    result.lerfCurve = lerf;
  }
  return result;
}
