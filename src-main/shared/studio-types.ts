// Payloads of the studio's own channels (files, model card, FASTA summary, demo, settings): what the
// New-run and Settings screens show. Pure types.
import type { ErrorPayload } from './errors';
import type { LayerInfo } from './model-info';

export type FileKind = 'model' | 'fasta' | 'bed' | 'motifs';

/** A file the host knows about; the renderer only ever holds its token and display name. */
export interface FileEntry {
  token: string;
  name: string;
  sizeBytes: number;
  /** Where it came from: a dialog, an upload, the `plrp serve` command line, or the bundled demo. */
  origin: 'dialog' | 'upload' | 'command-line' | 'bundled';
  /** Guessed from the extension, so the UI can pre-fill the right slot. */
  kind: FileKind | null;
}

/** A layer as the model card lists it: the engine's LayerInfo (rule per composite, pruning point). */
export type ModelLayerCard = LayerInfo;

/** A model as the user sees it before running: either explainable, or why not. */
export type ModelCard =
  | {
      ok: true;
      name: string;
      sha256: string;
      layout: 'NCL' | 'NLC';
      inputShape: number[];
      lengthBp: number;
      alphabet: string;
      outputName: string;
      outputSize: number;
      head: string;
      opset: number;
      producer: string;
      layers: ModelLayerCard[];
      pruningPoints: string[];
      /** The model's recommended pruning fraction when its metadata names one, else null. */
      recommendedP: number | null;
      /** Names of the outputs (index → name) when the model's manifest gives them, else null. */
      outputLabels: string[] | null;
    }
  | { ok: false; name: string; error: ErrorPayload };

/** A manifest uploaded with a model and stored beside it: what it told the studio. */
export interface AttachedManifest {
  name: string;
  outputLabels: string[] | null;
  recommendedP: number | null;
}

/** Past this many distinct lengths a FASTA summary stops counting them (variable-length peaks have a few thousand). */
export const MAX_DISTINCT_LENGTHS = 10_000;

export interface FastaSummary {
  name: string;
  sequences: number;
  minLengthBp: number;
  maxLengthBp: number;
  totalBp: number;
  /** Count of N (and other ambiguous IUPAC) bases. */
  ambiguousBp: number;
  /**
   * Every distinct sequence length with how many sequences have it, shortest first, so the New-run
   * view can count the sequences shorter than a model's input; null when the file has more than
   * MAX_DISTINCT_LENGTHS distinct lengths (then only min/max are known).
   */
  lengthCounts: [lengthBp: number, count: number][] | null;
  /** First few names, for a glance. */
  firstNames: string[];
  /** Problems that do not stop a run but the user should know (e.g. lengths ≠ the model's). */
  warnings: string[];
  /** A record too long to explain in one piece, which a run of the records refuses; moot for a run of regions. */
  longRecordWarning: string | null;
  /**
   * The run's warning for each record mostly N or ambiguous (engine/explain/sequence-warnings.ts),
   * said before the run: the first few, then how many more. Moot, like longRecordWarning, when the
   * run explains regions.
   */
  unknownWarnings: string[];
  /**
   * The few longest records, longest first (file order among equals): once a model is chosen, the
   * New-run view names those longer than its input, which a run explains in model windows.
   */
  longestRecords: { name: string; lengthBp: number }[];
}

/** The regions of a FASTA a run would explain instead of its records (New run's Regions section). */
export interface RegionsSummary {
  regions: number;
  minLengthBp: number;
  maxLengthBp: number;
  totalBp: number;
  /** As FastaSummary.lengthCounts, for the regions: the New-run view counts those shorter than the model's input. */
  lengthCounts: [lengthBp: number, count: number][] | null;
  /** First few region names, as the run's sequences will be named. */
  firstNames: string[];
}

/** The bundled demo: model, FASTA, motif database and ground truth, ready to run in one click. */
export interface DemoBundle {
  available: boolean;
  /** Why not, when the bundled files are missing. */
  reason?: string;
  model?: FileEntry;
  fasta?: FileEntry;
  motifs?: FileEntry;
  groundTruthBed?: FileEntry;
  /**
   * What identifies the demo's inputs in the run cache (the same checksums a run records), so Start
   * can open a finished demo run instead of adding another; absent when they could not be read.
   */
  fingerprint?: { modelSha256: string; inputSha256: string; engineVersion: string };
}

export interface Settings {
  threads: number;
  /** How N is one-hot encoded: all zeros, or 0.25 in each channel. */
  nEncoding: 'zeros' | 'uniform';
  theme: 'light' | 'dark';
}

/** One ground-truth interval on a sequence (0-based, half-open, as in BED). */
export interface BedRegion {
  startBp: number;
  endBp: number;
  name: string;
}
