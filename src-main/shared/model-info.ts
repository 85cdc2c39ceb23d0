// What the engine tells about a model and a PLRP run, as pure types: shared by the engine (which
// produces them), the hosts and the renderer (model card, Layers view), so they are declared once.

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
  /** Input bases one position of this layer's output depends on (capped at a fixed input length). */
  receptiveFieldBp?: number;
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
  /**
   * Input bases one output value depends on: the input length when the output sees the whole input
   * (dense after a flatten, global pooling); for any-length models then the span of the widest local
   * feature, since a shorter sequence is padding to every such feature.
   */
  receptiveFieldBp?: number;
  /** True when every output value sees the whole input (see receptiveFieldBp). */
  receptiveFieldWholeInput?: boolean;
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
  /**
   * Σ|R| before pruning and Σ|R̃| after redistribution. Their ratio is how much the redistribution
   * magnified the relevance: ≤ 1 unless kept relevance of both signs cancels (PLRP-λ, large |λ|) or
   * a masked denominator is small (PLRP-M); see engine/explain/pruning-warnings.ts.
   */
  massBefore: number;
  massAfter: number;
}
