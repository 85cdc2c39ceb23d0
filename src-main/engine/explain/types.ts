// The engine's public contract: what a loaded, explainable model offers to the CLI, the worker pool
// and the run service. All sequence tensors cross this boundary as one-hot [N, L, 4] in A,C,G,T
// order, whatever the model's own layout; the engine transposes internally.
import type { ExplainConfig } from '../../shared/explain-config';

export type Layout = 'NCL' | 'NLC';
export type Head = 'sigmoid' | 'softmax' | 'log-softmax' | 'none';

export interface LayerInfo {
  /** ONNX node name (or `op#index` when the node has none). */
  name: string;
  opType: string;
  /** Parametric layers only: 'conv' or 'dense'. */
  kind: 'conv' | 'dense' | 'other';
  /** Rule each composite applies to this layer (parametric layers), e.g. {epsilon-plus: 'zplus'}. */
  rules: Record<string, string>;
  /** True when this layer's input is a PLRP pruning point. */
  pruningPoint: boolean;
  note?: string;
}

export interface ModelInfo {
  path: string;
  sha256: string;
  inputName: string;
  /** Input shape with the batch dimension as -1. */
  inputShape: number[];
  layout: Layout;
  /** Axis of the model input that holds the 4 nucleotides (1 for NCL, 2 for NLC). */
  alphabetAxis: number;
  lengthBp: number;
  outputName: string;
  /** Number of outputs (classes/tasks) per sequence. */
  outputSize: number;
  head: Head;
  layers: LayerInfo[];
  /** Names of the tensors where PLRP prunes, top-down order is reversed (execution order here). */
  pruningPoints: string[];
  opset: number;
  producer: string;
  /** Most sequences per batch whose activations fit the engine's memory budget (set by openModel). */
  batchLimit?: number;
}

/** Per sample and pruning point (../shared/spec/plrp.md, "Diagnostics"). */
export interface PruningDiagnostics {
  point: string;
  p: number;
  prunedCount: number;
  keptCount: number;
  prunedMassFraction: number;
  /** λ for `lambda: total`; λ⁺/λ⁻ for per-sign; null for PLRP-M. */
  lambda: number | null;
  lambdaPos: number | null;
  lambdaNeg: number | null;
  signFlips: number;
  sumBefore: number;
  sumAfter: number;
}

export interface LayerRelevance {
  point: string;
  /** Shape of one sample's tensor at this point (batch dim removed). */
  shape: number[];
  before: Float32Array;
  after: Float32Array;
}

export interface PredictResult {
  /** [N, K] what ONNX Runtime returns (head included). */
  output: Float32Array;
  /** [N, K] pre-activation values (the head's input; equal to output when there is no head). */
  logits: Float32Array;
}

export interface ExplainBatchResult extends PredictResult {
  /** [N] the output index each explanation starts from. */
  targets: Int32Array;
  /** config id → [N, L, 4] relevance in A,C,G,T order. */
  relevance: Record<string, Float32Array>;
  /** config id → [sample][pruning point] (empty arrays for method 'lrp'). */
  diagnostics: Record<string, PruningDiagnostics[][]>;
  /** config id → [sample][point], only when requested. */
  layerRelevance?: Record<string, LayerRelevance[][]>;
}

export interface ExplainOptions {
  /** Cancellation: checked between segments of the relevance pass. */
  signal?: AbortSignal;
  layerRelevance?: boolean;
  /**
   * Also explain the reverse complement of every window (with the forward window's target) and
   * average the two, mapped back to forward coordinates. Costs a second relevance pass.
   */
  reverseComplement?: boolean;
}

export interface ExplainableModel {
  readonly info: ModelInfo;
  /** onehot: [n, L, 4] A,C,G,T. */
  predict(onehot: Float32Array, n: number): Promise<PredictResult>;
  /** targets[i] = output index, or -1 for the predicted (argmax) output. */
  explain(
    onehot: Float32Array,
    n: number,
    configs: ExplainConfig[],
    targets: Int32Array,
    options?: ExplainOptions,
  ): Promise<ExplainBatchResult>;
  close(): Promise<void>;
}

export interface OpenModelOptions {
  /** onnxruntime intra-op threads per session (the pool sizes itself from this). */
  intraOpThreads?: number;
  /** 'ort' (native kernels, default) or 'reference' (the pure-TypeScript oracle, slow). */
  backend?: 'ort' | 'reference';
  /** Override the detected input layout. */
  layout?: Layout;
}
