// The engine's public contract: what a loaded, explainable model offers to the CLI, the worker pool
// and the run service. All sequence tensors cross this boundary as one-hot [N, L, 4] in A,C,G,T
// order, whatever the model's own layout; the engine transposes internally.
import type { ExplainConfig } from '../../shared/explain-config';

export type { Head, LayerInfo, Layout, ModelInfo, PruningDiagnostics } from '../../shared/model-info';
import type { Layout, ModelInfo, PruningDiagnostics } from '../../shared/model-info';

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
  /**
   * PLRP pruning on the native kernels (native/ort-kernels) when they are built, the default;
   * false runs it as plain ONNX nodes (same keep masks, slower).
   */
  nativeKernels?: boolean;
  /** Override the detected input layout. */
  layout?: Layout;
}
