// Row shapes of the run cache as the service sees them (decoded: typed arrays, parsed JSON).
import type { ErrorPayload } from '../../shared/errors';
import type { ExplainConfig } from '../../shared/explain-config';
import type { GenomePlace, RunStatus } from '../../shared/run-api';
import type { RankShares } from '../../engine/pool/rank-shares';
import type { SeqletSet } from '../../engine/export/seqlet-sets';
import type { MotifHitSet } from '../../engine/export/motif-hit-sets';
import { manifestPlrpLambdaP, outputLabels } from '../../engine/explain/model-manifest';

/** What a run needs to be re-run or resumed: resolved paths and the parsed options. */
export interface StoredRequest {
  modelPath: string;
  fastaPath: string;
  groundTruthBedPath: string | null;
  motifsPath: string | null;
  metrics: string[];
  /** A region run's regions (RunRequest.regions, regionsBed); absent for a run over the FASTA's records. */
  regions?: { strings: string[]; bedPath: string | null };
  /**
   * The model's output names from its manifest when the run started (absent in runs stored
   * before): an uploaded model's manifest lives in a temporary folder, and scoring against a
   * multitask BED depends on the names, so a resume must see the ones the run started with.
   */
  outputLabels?: string[] | null;
  /** The PLRP-λ p the model's manifest recommended when the run started (absent in runs stored before), kept for the reason outputLabels is. */
  recommendedP?: number | null;
  /** How the BED's regions were scored (RunGroundTruth.scoring); absent without a BED and in older runs. */
  groundTruthScoring?: 'by-output' | 'all';
  /**
   * Sequences per batch the run computes with, stored at its first launch (absent in runs stored
   * before, and in runs that were complete at once): a resume batches the rest the same way, so
   * the results and what a kill can lose match an uninterrupted run. A service given its own
   * batch size (`runs resume --batch-size`) uses and stores that one instead.
   */
  batchSequences?: number;
  /**
   * Path → the name of the file the user picked, for inputs the app stored as uploads (browser
   * mode's temporary folder, Electron's dropped files): the report names those files by it.
   * Absent when no input was uploaded (and in runs stored before).
   */
  uploadNames?: Record<string, string>;
}

/** The run's output names: as stored at its start, else (older runs) from the manifest now. */
export function runOutputLabels(request: StoredRequest): string[] | null {
  return request.outputLabels !== undefined ? request.outputLabels : outputLabels(request.modelPath);
}

/** The model manifest's recommended PLRP-λ p: as stored at the run's start, else (older runs) from the manifest now. */
export function runRecommendedP(request: StoredRequest): number | null {
  return request.recommendedP !== undefined ? request.recommendedP : manifestPlrpLambdaP(request.modelPath);
}

export interface StoredRun {
  id: string;
  label: string | null;
  status: RunStatus;
  modelSha: string;
  inputSha: string;
  modelName: string;
  fastaName: string;
  request: StoredRequest;
  target: number | 'predicted';
  engineVersion: string;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  computeMs: number;
  error: ErrorPayload | null;
  notices: string[];
  /**
   * The process that queued or computes the run (null once settled, and for runs stored before
   * schema 10): a run 'running' under a live process is that process's to cancel or resume.
   */
  ownerPid: number | null;
  /** When the owner last said it is computing the run (ms since the epoch); it renews this while it does. */
  ownerSeenAt: number | null;
}

export interface RunExplanation {
  explId: string;
  explKey: string;
  position: number;
  config: ExplainConfig;
  /** True when every result came from an earlier run. */
  cached: boolean;
}

export interface StoredSequence {
  idx: number;
  name: string;
  lengthBp: number;
  letters: string;
  /** The region's place on its chromosome; absent for a FASTA record (see cache-key.ts InputHasher). */
  place?: GenomePlace;
}

export interface ResultNumbers {
  target: number;
  lengthBp: number;
  sum: number;
  absSum: number;
  min: number;
  max: number;
  metrics: Record<string, number>;
}

export interface ResultRow extends ResultNumbers {
  idx: number;
  /** [lengthBp, 4] A,C,G,T. */
  relevance: Float32Array;
  diagnostics: unknown;
}

/** A result on its way into the cache. */
export interface ResultWrite extends ResultRow {
  /** `relevance` already in blob form (a worker encoded it); absent: writeBatch encodes it. */
  blob?: Uint8Array;
  /** `diagnostics` and `metrics` already as JSON (a worker made it); absent: writeBatch makes it. */
  diagnosticsJson?: string;
  metricsJson?: string;
}

export interface PredictionRow {
  idx: number;
  output: Float32Array;
  logits: Float32Array;
}

/** What one transaction adds: a finished batch, or whole sequences of one (services/run-job.ts). */
export interface BatchWrite {
  modelSha: string;
  inputSha: string;
  predictions: PredictionRow[];
  /**
   * The predictions only fill what the cache lacks (services/cache/fill-predictions.ts): an
   * import's, which may know the target's logit only. A computed batch replaces them.
   */
  fillPredictions?: boolean;
  results: { explKey: string; row: ResultWrite }[];
  annotations?: AnnotationWrite;
  /** PLRP layer relevance of the bounded subset (see layer-store.ts). */
  layers?: LayerWrite[];
  /** Per-result warnings (short sequence, many N, non-finite or PLRP-magnified relevance). */
  warnings?: { explKey: string; idx: number; message: string }[];
}

export interface LayerWrite {
  explKey: string;
  idx: number;
  window: number;
  /** Order of the point in the model (pruning points are listed in this order). */
  position: number;
  point: string;
  shape: number[];
  before: Float32Array;
  after: Float32Array;
}

/** Motif hits, ranking shares and seqlets of one batch (see engine/pool/explain-task BatchAnnotations). */
export interface AnnotationWrite {
  runId: string;
  /** Sequences whose hits are complete; sequences already scanned by the run are skipped. */
  scanned: number[];
  hits: MotifHitSet[];
  ranks: RankShares;
  /** Replace the seqlets of (explKey, idx). */
  seqlets: (Omit<SeqletSet, 'configId'> & { explKey: string })[];
}
