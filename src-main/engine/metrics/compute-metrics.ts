// One sequence's explanation quality, for the metrics a run asked for. Sparsity and localisation
// come from the relevance alone; Lipschitz and faithfulness call the model through callbacks.
// A requested metric that is undefined for this sequence is null (RMA/RRA without ground truth,
// entropy of an all-zero map); a metric not requested is absent.
import { entropy } from './entropy';
import type { FaithfulnessOptions, FaithfulnessResult } from './faithfulness';
import { faithfulness } from './faithfulness';
import { gini } from './gini';
import type { LipschitzOptions } from './local-lipschitz';
import { localLipschitz } from './local-lipschitz';
import type { MetricName } from './metric-names';
import type { ExplainBatch, PredictTargetLogit } from './model-callbacks';
import type { MetricUnit } from './position-relevance';
import { metricValues, positionRelevance } from './position-relevance';
import type { RmaMode } from './relevance-mass-accuracy';
import { relevanceMassAccuracy } from './relevance-mass-accuracy';
import { relevanceRankAccuracy } from './relevance-rank-accuracy';
import { DEFAULT_METRICS_SEED } from './rng';

export interface MetricsInput {
  /** [L, 4] A,C,G,T */
  relevance: Float32Array;
  /** [L, 4] A,C,G,T */
  onehot: Float32Array;
  lengthBp: number;
  /** [L] 1 = ground-truth position; null/absent when the sequence has none. */
  groundTruth?: Uint8Array | null;
  predictTargetLogit?: PredictTargetLogit;
  explain?: ExplainBatch;
}

export interface MetricsOptions {
  /** Unit of Gini and entropy (default 'position'). */
  unit?: MetricUnit;
  rmaMode?: RmaMode;
  /** Seed of every stochastic metric of this sequence (recorded in the result). */
  seed?: number;
  lipschitz?: Omit<LipschitzOptions, 'seed'>;
  faithfulness?: Omit<FaithfulnessOptions, 'seed'>;
}

export interface SequenceMetrics {
  gini?: number | null;
  entropy?: number | null;
  rma?: number | null;
  rra?: number | null;
  lipschitz?: number | null;
  faithfulness?: FaithfulnessResult | null;
  /** Present when a stochastic metric was computed. */
  seed?: number;
}

export async function computeMetrics(
  input: MetricsInput,
  names: readonly MetricName[],
  options: MetricsOptions = {},
): Promise<SequenceMetrics> {
  const { relevance, onehot, lengthBp } = input;
  const want = new Set(names);
  const out: SequenceMetrics = {};
  const r = positionRelevance(relevance, lengthBp);
  const sparsityValues = (options.unit ?? 'position') === 'position' ? r : metricValues(relevance, lengthBp, 'cell');
  if (want.has('gini')) out.gini = gini(sparsityValues);
  if (want.has('entropy')) out.entropy = entropy(sparsityValues);
  if (want.has('rma')) out.rma = relevanceMassAccuracy(r, input.groundTruth, options.rmaMode);
  if (want.has('rra')) out.rra = relevanceRankAccuracy(r, input.groundTruth);
  const seed = options.seed ?? DEFAULT_METRICS_SEED;
  if (want.has('lipschitz')) {
    if (!input.explain) throw new Error('computeMetrics: lipschitz needs an explain callback');
    out.lipschitz = (await localLipschitz(onehot, relevance, lengthBp, input.explain, { ...options.lipschitz, seed })).value;
    out.seed = seed;
  }
  if (want.has('faithfulness')) {
    if (!input.predictTargetLogit) throw new Error('computeMetrics: faithfulness needs a predictTargetLogit callback');
    out.faithfulness = await faithfulness(onehot, relevance, lengthBp, input.predictTargetLogit, { ...options.faithfulness, seed });
    out.seed = seed;
  }
  return out;
}
