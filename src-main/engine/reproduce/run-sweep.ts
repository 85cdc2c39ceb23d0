// Runs the reproduction sweep for one model: every config of the plan on every held-out sequence,
// then Gini, entropy, RMA, RRA, local Lipschitz and faithfulness per (sequence, config), summarised
// per (method, p). Works on any ExplainableModel (ONNX Runtime, the reference backend, a test model).
// Cost control: all configs are explained in one explain() call per chunk of sequences, and the
// Lipschitz neighbours of a sequence are shared by every config (a paired comparison: each method
// faces the same perturbations), so one explain() call serves the whole sweep.
import type { Method } from '../../shared/explain-config';
import { AppError } from '../../shared/errors';
import type { ExplainableModel } from '../explain/types';
import type { SequenceMetrics } from '../metrics/compute-metrics';
import { computeMetrics } from '../metrics/compute-metrics';
import type { FaithfulnessOptions } from '../metrics/faithfulness';
import type { LipschitzOptions } from '../metrics/local-lipschitz';
import { lipschitzFromExplanations, lipschitzNeighbours } from '../metrics/local-lipschitz';
import { deriveSeed } from '../metrics/rng';
import { summarizeMetrics } from '../metrics/summarize-metrics';
import { recommendP } from '../../shared/knee';
import type { SweepPlan } from './sweep-configs';
import type { ModelSweep, SweepRow } from './sweep-result';

export interface HeldOutSet {
  names: string[];
  lengthBp: number;
  /** [N, L, 4] A,C,G,T */
  onehot: Float32Array;
  /** Per sequence, the ground-truth mask (planted motifs), or null. */
  groundTruth: (Uint8Array | null)[];
}

export interface SweepOptions {
  /** Output index every explanation and every faithfulness logit refers to. */
  target: number;
  seed: number;
  /** Sequences per explain() call (default 16). */
  chunk?: number;
  lipschitz?: Omit<LipschitzOptions, 'seed'>;
  faithfulness?: Omit<FaithfulnessOptions, 'seed'>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Methods whose knee is reported, the paper's main variant first. */
const RECOMMEND_FOR: readonly Method[] = ['plrp-lambda', 'plrp-m'];

export async function runModelSweep(
  modelName: string,
  model: ExplainableModel,
  data: HeldOutSet,
  plan: SweepPlan,
  options: SweepOptions,
): Promise<ModelSweep> {
  const started = performance.now();
  const { lengthBp } = data;
  const n = data.names.length;
  const perSample = lengthBp * 4;
  const perConfig = new Map<string, SequenceMetrics[]>(plan.configs.map((c) => [c.id, []]));
  const predictTargetLogit = async (batch: Float32Array, count: number): Promise<Float64Array> => {
    const res = await model.predict(batch, count);
    const k = res.logits.length / count;
    return Float64Array.from({ length: count }, (_, b) => res.logits[b * k + options.target]);
  };
  const chunk = Math.max(1, options.chunk ?? 16);
  for (let start = 0; start < n; start += chunk) {
    const count = Math.min(chunk, n - start);
    const x = data.onehot.subarray(start * perSample, (start + count) * perSample);
    const explained = await model.explain(x, count, plan.configs, new Int32Array(count).fill(options.target), { signal: options.signal });
    for (let b = 0; b < count; b++) {
      if (options.signal?.aborted) throw new AppError('CANCELLED', 'reproduction cancelled');
      const i = start + b;
      const onehot = x.subarray(b * perSample, (b + 1) * perSample);
      const seed = deriveSeed(options.seed, i);
      const nb = lipschitzNeighbours(onehot, lengthBp, { ...options.lipschitz, seed });
      const around = await model.explain(nb.batch, nb.samples, plan.configs, new Int32Array(nb.samples).fill(options.target), {
        signal: options.signal,
      });
      for (const config of plan.configs) {
        const relevance = explained.relevance[config.id].subarray(b * perSample, (b + 1) * perSample);
        const m = await computeMetrics(
          { relevance, onehot, lengthBp, groundTruth: data.groundTruth[i], predictTargetLogit },
          ['gini', 'entropy', 'rma', 'rra', 'faithfulness'],
          { seed, faithfulness: options.faithfulness },
        );
        m.lipschitz = lipschitzFromExplanations(relevance, around.relevance[config.id], nb.distances, lengthBp);
        perConfig.get(config.id)!.push(m);
      }
      options.onProgress?.(i + 1, n);
    }
  }
  const rows: SweepRow[] = plan.points.map((pt) => ({
    model: modelName,
    method: pt.method,
    p: pt.p,
    metrics: summarizeMetrics(perConfig.get(pt.configId)!),
  }));
  const recommended = RECOMMEND_FOR.map((method) => ({
    method,
    ...recommendP(
      rows
        .filter((r) => r.method === method)
        .map((r) => ({ p: r.p, sparsity: r.metrics.gini?.mean ?? Number.NaN, faithfulness: r.metrics.faithfulness?.morfMinusLerfAuc?.mean ?? Number.NaN })),
    ),
  }));
  return { model: modelName, sha256: model.info.sha256, sequences: n, rows, recommended, seconds: (performance.now() - started) / 1000 };
}
