// The run service's contract, shared by every host (Electron IPC, the browser-mode server, the CLI)
// and the renderer's API client. Pure types (no node:*), so the renderer can import it; payloads are
// plain JSON-able objects because they cross IPC and WebSocket boundaries.
import type { ExplainConfigInput } from './explain-config';
import type { ErrorPayload } from './errors';
import type { Head, PruningDiagnostics } from './model-info';

/**
 * A file the run reads. The renderer never sends paths (architecture.md, "Electron security"): it
 * sends the opaque token the main process returned from its file dialog. The CLI and tests use paths.
 * `uploadedAs`: the name of the file the user picked, when the host stored it as an upload at `path`
 * (a temporary folder whose path means nothing to them); the run's report names it so.
 */
export type FileRef = { kind: 'path'; path: string; uploadedAs?: string } | { kind: 'token'; token: string };

export const METRIC_NAMES = ['gini', 'entropy', 'rma', 'rra', 'lipschitz', 'faithfulness'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export interface RunRequest {
  model: FileRef;
  fasta: FileRef;
  /** Ground-truth regions (BED) for the localisation metrics (RMA, RRA). */
  groundTruthBed?: FileRef;
  /** MEME / JASPAR / TRANSFAC motif file to scan and rank by relevance (default: bundled JASPAR). */
  motifs?: FileRef;
  /** false: no motif scanning at all (seqlets are still called) — for large inputs where only relevance matters. */
  scanMotifs?: boolean;
  /** Output index every explanation starts from; 'predicted' = argmax per sequence (default). */
  target?: number | 'predicted';
  /** One entry per explanation; each `id` names it in every output. Parsed by the service. */
  explanations: ExplainConfigInput[];
  metrics?: MetricName[];
  /** Optional user label shown in the run list. */
  label?: string;
  /**
   * Explain these regions of `fasta` instead of its records (`plrp runs start --region`):
   * `chr:start-end` (1-based, inclusive, as samtools) or a sequence name, read through the FASTA's
   * .fai index (built next to it when missing). Records are named as `plrp explain` names them.
   */
  regions?: string[];
  /** Regions from a BED file (0-based, half-open; named by its 4th column), after `regions`. */
  regionsBed?: FileRef;
}

/** Where a region's first base lies on its chromosome (0-based): positions i of the record are chrom:startBp + i. */
export interface GenomePlace {
  chrom: string;
  startBp: number;
}

/** What a region run was asked for (RunRequest.regions, regionsBed): its records are these regions. */
export interface RunRegions {
  strings: string[];
  /** File name of the BED file, or null. */
  bedName: string | null;
}

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunTimings {
  /** Epoch milliseconds. */
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Wall time spent computing (excludes time served from the cache). */
  computeMs: number;
  /** Explanations taken from the cache vs computed by this run (per explanation id). */
  cachedExplanations: string[];
  computedExplanations: string[];
}

export interface ExplanationSummary {
  id: string;
  /** The parsed, defaults-filled config (ExplainConfig). */
  composite: string;
  method: string;
  /** Canonical JSON of the config without its id (canonicalConfig). */
  canonical: string;
}

export interface RunSummary {
  id: string;
  label: string | null;
  status: RunStatus;
  modelName: string;
  modelSha256: string;
  fastaName: string;
  inputSha256: string;
  sequenceCount: number;
  /** Sequences with results stored so far (all explanations of that sequence done). */
  sequencesDone: number;
  /** Set when the run explains regions of an indexed FASTA rather than its records. */
  regions: RunRegions | null;
  explanations: ExplanationSummary[];
  metrics: MetricName[];
  target: number | 'predicted';
  /** Names of the model's outputs (index → name) from its manifest, else null: outputs go by index. */
  outputLabels: string[] | null;
  /** The PLRP-λ p the model's manifest recommends (its author's, e.g. from `plrp reproduce`), else null. */
  modelRecommendedP: number | null;
  engineVersion: string;
  timings: RunTimings;
  error: ErrorPayload | null;
  /** What the run reported while it ran (e.g. how it reads the ground-truth BED), oldest first. */
  notices: string[];
  /**
   * How RMA/RRA use the ground-truth BED: 'by-output' scores each explanation against the regions
   * named after its output (a multitask model), 'all' against every region; null without a BED
   * (or for runs stored before this was recorded).
   */
  groundTruthScoring: 'by-output' | 'all' | null;
  /**
   * The pid of another live process (the app beside `plrp serve`) that computes this run: its
   * progress shows there, and it is cancelled there. Null when no other process has it.
   */
  computedElsewhereBy: number | null;
  /**
   * The model's output head, recorded when a run starts: with 'sigmoid' each output is a task the
   * model calls present above 0.5 (logit > 0), so a sequence can have none. Null when not recorded
   * (runs stored before, imported runs).
   */
  modelHead: Head | null;
  /**
   * The model's input length (bp) recorded with the model; 0 for a model of any length, null when
   * not recorded (imported runs). Longer sequences were tiled into windows (shared/tiled-record.ts).
   */
  modelLengthBp: number | null;
}

/**
 * Most sequences a run stores at a time (services/run-job.ts batches by it): what Cancel can lose,
 * since only stored batches are kept. Here so the app can say so.
 */
export const MAX_BATCH_SEQUENCES = 1024;

export interface RunProgress {
  runId: string;
  /** Sequences with results stored. */
  done: number;
  total: number;
  /**
   * Sequences' worth of work the workers have done in batches not stored yet (fractional): a
   * batch of 1,024 sequences computes for seconds or minutes, and the bar moves with it.
   */
  inFlight: number;
  /** Estimated milliseconds to completion; null until some work has been done. */
  etaMs: number | null;
}

/** Non-fatal events a user should see, e.g. a worker that died and was replaced. */
export interface RunNotice {
  runId: string;
  level: 'info' | 'warning';
  message: string;
}

export interface ExplanationNumbers {
  /** Σ of per-base relevance (≈ the start relevance when the rules conserve). */
  sum: number;
  absSum: number;
  min: number;
  max: number;
  /** Requested metrics (metrics.md), by name; absent when not computed. */
  metrics: Partial<Record<MetricName, number>>;
}

/** One ground-truth region of a sequence (0-based, half-open), and whether RMA/RRA score against it. */
export interface GroundTruthRegion {
  startBp: number;
  endBp: number;
  name: string;
  /** False for a region of another output than the one explained (per-output scoring). */
  scored: boolean;
}

export interface SequenceRow {
  index: number;
  name: string;
  lengthBp: number;
  /** Output index the explanations started from. */
  target: number;
  /** Pre-activation value of the target output. */
  logit: number;
  /** What the model returns for this sequence (head included), one value per output. */
  output: number[];
  /** Explanation id → summary numbers. */
  explanations: Record<string, ExplanationNumbers>;
  /** Why this sequence's result may mislead (too short for the model, many N, non-finite relevance). */
  warnings: string[];
  /** The run's motif hits on this sequence; null when the run has not scanned it (motifs off, or not reached yet). */
  motifHits: number | null;
  /** The region's place on its chromosome (region runs); null for a FASTA record. */
  place: GenomePlace | null;
}

/**
 * A row the run has results for under every explanation (what sequencesDone counts). A cancelled or
 * running run also lists the sequences it has not computed: they have no numbers (target −1).
 */
export function isSequenceComputed(row: Pick<SequenceRow, 'explanations'>, run: Pick<RunSummary, 'explanations'>): boolean {
  return run.explanations.every((e) => row.explanations[e.id] !== undefined);
}

/** Most rows one `sequences` request returns (a few MB of JSON; a request costs more than its rows). */
export const MAX_SEQUENCE_PAGE = 10_000;

export interface SequencePageRequest {
  runId: string;
  offset?: number;
  limit?: number;
}

export interface SequencePage {
  total: number;
  rows: SequenceRow[];
}

export interface TrackSliceRequest {
  runId: string;
  sequenceIndex: number;
  explanationId: string;
  /** 0-based half-open region. */
  startBp: number;
  endBp: number;
  /** Zoom level: bases summarised per bin (≥ 1 gives per-base values only at exactly 1 or below). */
  bpPerBin: number;
}

export interface TrackBin {
  startBp: number;
  endBp: number;
  /** Of the per-position relevance r_i = Σ_c R[i, c] inside the bin. */
  min: number;
  max: number;
  mean: number;
}

/** The request's fields describe what was served: startBp/endBp clamped to the sequence. */
export interface TrackSlice extends TrackSliceRequest {
  bins: TrackBin[];
  /** Only when bpPerBin ≤ 1: per base, relevance in A, C, G, T order. */
  bases?: [number, number, number, number][];
  /** Only when bpPerBin ≤ 1: the sequence letters of the region. */
  letters?: string;
}

export interface MotifHitRow {
  sequenceIndex: number;
  motifId: string;
  motifName: string;
  startBp: number;
  endBp: number;
  strand: '+' | '-';
  score: number;
  pValue: number;
  qValue: number;
  matched: string;
  /** Explanation id → summed relevance inside the hit. */
  relevance: Record<string, number>;
}

/** A motif's share of one explanation's relevance over the whole run (hits' union coverage). */
export interface MotifRankRow {
  explanationId: string;
  motifId: string;
  motifName: string;
  /** Sequences with at least one hit of the motif. */
  sequences: number;
  hitCount: number;
  coveredBp: number;
  /** Signed relevance summed over the bases the motif's hits cover. */
  captured: number;
  /** captured / Σ|relevance| of the explanation over the run's sequences. */
  fraction: number;
}

/** What PLRP did at one pruning point of one model window. */
export type PruningPointDiagnostics = PruningDiagnostics;

/**
 * One explanation's pruning diagnostics for one model window of a sequence (LRP: no points). A
 * megabase record has thousands of windows, so one window is served at a time.
 */
export interface SequenceDiagnostics {
  explanationId: string;
  method: string;
  /** Model windows the sequence was explained in (1 unless it is longer than the model input). */
  windowCount: number;
  /** The window served: the one asked for, within 0 … windowCount − 1. */
  window: number;
  /** The bases it covers in the sequence: 0-based, end exclusive. */
  startBp: number;
  endBp: number;
  points: PruningPointDiagnostics[];
}

export interface LayerRelevanceRequest {
  runId: string;
  sequenceIndex: number;
  explanationId: string;
  /** Model window of a tiled sequence (default 0). */
  window?: number;
  /** Pruning point (default the first stored one). */
  point?: string;
}

/**
 * Relevance at one PLRP pruning point before and after pruning, as a channels × columns grid.
 * Stored for the first sequences and windows of a run only (services/cache/layer-store.ts).
 */
export interface LayerRelevanceView {
  explanationId: string;
  sequenceIndex: number;
  /** Windows and points stored for this sequence; 0 / [] when nothing is stored (see `note`). */
  windows: number;
  points: string[];
  window: number;
  point: string | null;
  /** Shape of the tensor at the point (batch removed), e.g. [filters, positions]. */
  shape: number[];
  channels: number;
  /** Positions per channel in the tensor, and columns served (positions summed per column when wider). */
  positions: number;
  columns: number;
  positionsPerColumn: number;
  /** Row-major [channels][columns]. */
  before: number[];
  after: number[];
  note: string | null;
}

export interface SeqletRow {
  sequenceIndex: number;
  explanationId: string;
  startBp: number;
  endBp: number;
  sign: '+' | '-';
  sum: number;
  pValue: number;
}

export interface CacheInfo {
  path: string;
  sizeBytes: number;
  runs: number;
  models: number;
  inputs: number;
  /** Stored per-sequence explanation results. */
  results: number;
  /** What opening the cache in this session reported (a file moved aside, a format upgrade), oldest first. */
  notices: string[];
}

export interface PruneRequest {
  /** Delete runs oldest first until the database is at most this size. */
  maxBytes?: number;
  /** Or: keep only this many most recent runs. */
  keepRuns?: number;
}

export interface PruneResult {
  removedRuns: string[];
  before: CacheInfo;
  after: CacheInfo;
}

export interface RunEvents {
  progress: RunProgress;
  notice: RunNotice;
  /** The run reached done, failed or cancelled. */
  settled: RunSummary;
}

export type RunEventName = keyof RunEvents;

export interface RunService {
  /** Validates the request, then queues the run; resolves as soon as it is queued (or done from cache). */
  start(request: RunRequest): Promise<RunSummary>;
  /** Lands within one batch; the run settles as 'cancelled' and can be resumed. */
  cancel(runId: string): Promise<void>;
  /** Continues a cancelled, failed or interrupted run, computing only what is missing. */
  resume(runId: string): Promise<RunSummary>;
  list(): Promise<RunSummary[]>;
  /** AppError('USAGE') when there is no such run. */
  get(runId: string): Promise<RunSummary>;
  sequences(request: SequencePageRequest): Promise<SequencePage>;
  trackSlice(request: TrackSliceRequest): Promise<TrackSlice>;
  motifHits(runId: string, sequenceIndex?: number): Promise<MotifHitRow[]>;
  seqlets(runId: string, sequenceIndex?: number): Promise<SeqletRow[]>;
  /** Motifs ranked by captured relevance, highest first, per explanation (or one explanation). */
  motifRanking(runId: string, explanationId?: string): Promise<MotifRankRow[]>;
  /** PLRP diagnostics of one model window (default 0) of a sequence, per explanation, in the run's order. */
  diagnostics(runId: string, sequenceIndex: number, window?: number): Promise<SequenceDiagnostics[]>;
  /** What PLRP kept and pruned at one pruning point (filters × positions) for one sequence. */
  layerRelevance(request: LayerRelevanceRequest): Promise<LayerRelevanceView>;
  /**
   * Ground-truth regions of one sequence from the run's BED (`name`: its name column, else the
   * sequence name), each `scored` when its explanations are scored against it (all of them, unless
   * the run scores by output: groundTruthScoring 'by-output'); null when the run has no BED.
   */
  groundTruth(runId: string, sequenceIndex: number): Promise<GroundTruthRegion[] | null>;
  /** The run's self-contained report (as `plrp report RUN`): HTML text or PDF bytes. */
  report(runId: string, format: 'html' | 'pdf'): Promise<Uint8Array>;
  delete(runId: string): Promise<void>;
  cacheInfo(): Promise<CacheInfo>;
  pruneCache(request: PruneRequest): Promise<PruneResult>;
  /** Returns the unsubscribe function. */
  on<E extends RunEventName>(event: E, listener: (payload: RunEvents[E]) => void): () => void;
}
