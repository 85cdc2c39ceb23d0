// The message format between the run service and the explain worker: plain data only (structured
// clone), with the typed arrays of the result transferred back.
import type { ExplainConfig } from '../../shared/explain-config';
import type { MotifHitRow } from '../../shared/run-api';
import type { LayerRelevance, PruningDiagnostics } from '../explain/types';
import type { UnknownEncoding } from '../genomics/one-hot';
import type { MetricName } from '../metrics/metric-names';
import type { MotifHitSet } from '../export/motif-hit-sets';
import type { RankShares } from './rank-shares';
import type { SeqletSet } from '../export/seqlet-sets';
import type { SeqletNulls } from '../seqlets/null-sample';
import type { SequenceGroundTruth } from '../metrics/ground-truth-outputs';

/** An explanation's seqlet null histograms; `key` names them for the worker to keep (the explanation's cache key). */
export interface SeqletNullsOf {
  key: string;
  nulls: SeqletNulls;
}

/** A stored motif hit without its relevance: what a scan finds, which no explanation changes. */
export type KnownHit = Omit<MotifHitRow, 'sequenceIndex' | 'relevance'>;

export interface ExplainTask {
  modelPath: string;
  /** The session cache key in the worker (the model file's sha256). */
  modelSha256: string;
  /** `target` overrides the task's target for one sequence (e.g. from a name → index map). */
  sequences: {
    idx: number;
    letters: string;
    /** One mask, or one per output when the BED names the model's outputs (../metrics/ground-truth-outputs). */
    groundTruth: SequenceGroundTruth;
    target?: number;
    /** Run explanations already cached for this sequence: id → [lengthBp, 4], to weight its motif hits or call its seqlets. */
    cachedRelevance?: Record<string, Float32Array>;
    /**
     * This sequence's hits from an earlier scan of the same input with the same motif file: the
     * worker weights and ranks them instead of scanning again (scanning is the costly part).
     */
    knownHits?: KnownHit[];
  }[];
  /** Only the explanations still missing for these sequences. */
  configs: ExplainConfig[];
  target: number | 'predicted';
  metrics: MetricName[];
  /** Also return the relevance before/after pruning at every PLRP pruning point, for these windows. */
  layerRelevance?: LayerSelection;
  /** Override of the model's detected input layout. */
  layout?: 'NCL' | 'NLC';
  /** Average every explanation with its reverse complement's (ExplainOptions.reverseComplement). */
  reverseComplement?: boolean;
  /** Encoding of N/IUPAC letters (default: all-zero column). */
  unknown?: UnknownEncoding;
  /** The run's metrics seed; each sequence uses deriveSeed(seed, idx) (default DEFAULT_METRICS_SEED). */
  metricsSeed?: number;
  /**
   * Also scan, weight hits and call seqlets (plain data back; the service stores them). Seqlets
   * are called for each config id of `seqletNulls`, against its null (the run's sample,
   * null-sample.ts), on every sequence with that explanation's relevance, computed or cached.
   */
  annotate?: { motifsPath: string | null; motifsSha256: string | null; seqletNulls?: Record<string, SeqletNullsOf> };
  /**
   * For the run cache: also return each explanation's relevance in the cache's blob form with its
   * summary numbers, so the main thread, which stores every worker's batches, does no per-base work.
   */
  storeForCache?: boolean;
  /** Shared with the service: 1 = stop (the run was cancelled or failed). */
  cancelFlag: Int32Array;
  /** Shared with the service: the worker writes how far it is through this task (./task-progress). */
  progress?: Int32Array;
}

/**
 * Whose layer relevance a task returns: every window of every sequence (the CLI's JSON), or the
 * first `windowsPerSequence` windows of the listed sequences (the run cache keeps no more, and a
 * megabase record has thousands of windows, each with every pruning point's hidden relevance).
 */
export interface LayerSelection {
  /** Sequence indices (`idx`); absent: all. */
  sequences?: number[];
  /** Leading windows per sequence; absent: all. */
  windowsPerSequence?: number;
}

export interface ExplainedConfig {
  configId: string;
  /** [lengthBp, 4] A,C,G,T. */
  relevance: Float32Array;
  /** [window][pruning point]. */
  diagnostics: PruningDiagnostics[][];
  /** [window][pruning point] for the windows the task's LayerSelection names, in window order. */
  layerRelevance?: LayerRelevance[][];
  /** As computeMetrics returns them (faithfulness is an object), plus `seed`: the sequence's derived seed. */
  metrics: Record<string, unknown>;
  /**
   * With ExplainTask.storeForCache: everything the cache stores of this result. Then `relevance` is
   * empty and `diagnostics` and `metrics` are too: the run service stores the blob and the JSON,
   * and receiving 7,000 results' diagnostics and metrics as objects took the main thread 250 ms.
   */
  stored?: StoredRelevance;
}

/**
 * A result as the run cache stores it: the relevance blob (engine/export/float32-blob; a view on
 * one buffer shared by the task's blobs), its summary numbers, whether every value is finite, the
 * diagnostics and metrics as JSON, and whether PLRP magnified the relevance (the service's warning).
 */
export interface StoredRelevance {
  blob: Uint8Array;
  diagnosticsJson: string;
  metricsJson: string;
  magnified: boolean;
  /** Whether a PLRP-λ pruning point has λ < 0 (engine/explain/sign-warnings.ts). */
  flipped: boolean;
  sum: number;
  absSum: number;
  min: number;
  max: number;
  finite: boolean;
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

export interface BatchAnnotations {
  /** Sequences whose hits and ranks are complete (every run explanation weighted). */
  scanned: number[];
  /** Per sequence with hits: q over its scanned windows, relevance per explanation id (as the cache stores it). */
  hits: MotifHitSet[];
  ranks: RankShares;
  /** For the explanations computed in this task only. */
  seqlets: SeqletSet[];
}

export interface ExplainTaskResult {
  sequences: ExplainedSequence[];
  annotations?: BatchAnnotations;
  computeMs: number;
}
