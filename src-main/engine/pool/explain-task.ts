// The message format between the run service and the explain worker: plain data only (structured
// clone), with the typed arrays of the result transferred back.
import type { ExplainConfig } from '../../shared/explain-config';
import type { LayerRelevance, PruningDiagnostics } from '../explain/types';
import type { UnknownEncoding } from '../genomics/one-hot';
import type { MetricName } from '../metrics/metric-names';

export interface ExplainTask {
  modelPath: string;
  /** The session cache key in the worker (the model file's sha256). */
  modelSha256: string;
  /** `target` overrides the task's target for one sequence (e.g. from a name → index map). */
  sequences: { idx: number; letters: string; groundTruth: Uint8Array | null; target?: number }[];
  /** Only the explanations still missing for these sequences. */
  configs: ExplainConfig[];
  target: number | 'predicted';
  metrics: MetricName[];
  /** Also return the relevance before/after pruning at every PLRP pruning point. */
  layerRelevance?: boolean;
  /** Override of the model's detected input layout. */
  layout?: 'NCL' | 'NLC';
  /** Average every explanation with its reverse complement's (ExplainOptions.reverseComplement). */
  reverseComplement?: boolean;
  /** Encoding of N/IUPAC letters (default: all-zero column). */
  unknown?: UnknownEncoding;
  /** Shared with the service: 1 = stop (the run was cancelled or failed). */
  cancelFlag: Int32Array;
}

export interface ExplainedConfig {
  configId: string;
  /** [lengthBp, 4] A,C,G,T. */
  relevance: Float32Array;
  /** [window][pruning point]. */
  diagnostics: PruningDiagnostics[][];
  /** [window][pruning point], when the task asked for it. */
  layerRelevance?: LayerRelevance[][];
  /** As computeMetrics returns them (faithfulness is an object). */
  metrics: Record<string, unknown>;
}

export interface ExplainedSequence {
  idx: number;
  lengthBp: number;
  /** Mean over windows for tiled sequences. */
  output: Float32Array;
  logits: Float32Array;
  target: number;
  explanations: ExplainedConfig[];
}

export interface ExplainTaskResult {
  sequences: ExplainedSequence[];
  computeMs: number;
}
