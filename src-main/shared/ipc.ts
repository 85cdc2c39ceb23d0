// The one typed map of messages between the renderer and its host (Electron main or the browser-mode
// server), in the manner of GitHub Desktop's shared channel map: main, preload, server and renderer
// all import THIS file, so a channel name or payload shape cannot drift between them. Requests are
// zod schemas because they cross a trust boundary (the renderer is treated as hostile: a compromised
// page must not be able to read arbitrary files); responses are types only, since they come from us.
import { z } from 'zod';
import { explainConfigSchema } from './explain-config';
import type { ErrorPayload } from './errors';
import {
  MAX_SEQUENCE_PAGE,
  METRIC_NAMES,
  type CacheInfo,
  type MotifHitRow,
  type MotifRankRow,
  type GroundTruthRegion,
  type SequenceDiagnostics,
  type LayerRelevanceView,
  type PruneResult,
  type RunNotice,
  type RunProgress,
  type RunSummary,
  type SeqletRow,
  type SequencePage,
  type TrackSlice,
} from './run-api';
import type { AttachedManifest, BedRegion, FastaSummary, FileEntry, ModelCard, DemoBundle, RegionsSummary, Settings } from './studio-types';

/**
 * The renderer may only refer to files by the opaque token its host handed out (file dialog, upload,
 * a path on the `plrp serve` command line): never by path (architecture.md, "Electron security").
 */
const tokenRef = z.object({ kind: z.literal('token'), token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict();
const runId = z.string().min(1).max(128);
const seqIndex = z.number().int().nonnegative();
/** A model window of a tiled sequence (a 2 Mbp record at 100 bp per window is 20,000). */
const windowIndex = z.number().int().nonnegative().max(1_000_000);

/** A `chr:start-end` or sequence name (names come from FASTA headers: one word, no whitespace). */
const regionString = z.string().min(1).max(1000);
/** Regions typed into New run; more belong in a BED file (regionsBed), which has no such limit. */
export const MAX_TYPED_REGIONS = 10_000;

const runRequest = z
  .object({
    model: tokenRef,
    fasta: tokenRef,
    groundTruthBed: tokenRef.optional(),
    motifs: tokenRef.optional(),
    scanMotifs: z.boolean().optional(),
    target: z.union([z.number().int().nonnegative(), z.literal('predicted')]).optional(),
    explanations: z.array(explainConfigSchema).min(1).max(32),
    metrics: z.array(z.enum(METRIC_NAMES)).optional(),
    label: z.string().max(200).optional(),
    // Regions of the FASTA to explain instead of its records (RunRequest.regions, regionsBed).
    regions: z.array(regionString).max(MAX_TYPED_REGIONS).optional(),
    regionsBed: tokenRef.optional(),
  })
  .strict();

export const settingsSchema = z
  .object({
    threads: z.number().int().min(1).max(256),
    nEncoding: z.enum(['zeros', 'uniform']),
    theme: z.enum(['light', 'dark']),
  })
  .strict();

/** Dropping through IPC copies the bytes; past this the native Open dialog is the way. */
export const MAX_IPC_UPLOAD_BYTES = 1024 ** 3;

export const FILE_KINDS = ['model', 'fasta', 'bed', 'motifs'] as const;
export const EXPORT_FORMATS = ['tsv', 'bedgraph', 'motifs-tsv', 'report-html', 'report-pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Each invoke channel: its request schema and, as a phantom field, its response type. Curried so the
 * response type is written once and the request type is inferred from the schema.
 */
const ch =
  <Res>() =>
  <Req extends z.ZodType>(request: Req): { request: Req; response: Res } => ({ request, response: undefined as Res });
const empty = z.object({}).strict();
const byRun = z.object({ runId }).strict();
const bySequence = z.object({ runId, sequenceIndex: seqIndex.optional() }).strict();
const byFile = z.object({ file: tokenRef }).strict();

export const INVOKE_CHANNELS = {
  'runs:start': ch<RunSummary>()(runRequest),
  'runs:cancel': ch<null>()(byRun),
  'runs:resume': ch<RunSummary>()(byRun),
  'runs:list': ch<RunSummary[]>()(empty),
  'runs:get': ch<RunSummary>()(byRun),
  'runs:delete': ch<null>()(byRun),
  'runs:sequences': ch<SequencePage>()(
    z.object({ runId, offset: z.number().int().nonnegative().optional(), limit: z.number().int().min(1).max(MAX_SEQUENCE_PAGE).optional() }).strict(),
  ),
  'runs:trackSlice': ch<TrackSlice>()(
    z
      .object({
        runId,
        sequenceIndex: seqIndex,
        explanationId: z.string().min(1).max(64),
        startBp: z.number().int().nonnegative(),
        endBp: z.number().int().positive(),
        bpPerBin: z.number().positive().max(1e9),
      })
      .strict()
      // A slice is for what is on screen: a few thousand bins at most, never a whole genome at once.
      .refine((r) => r.endBp > r.startBp && (r.endBp - r.startBp) / Math.max(1, r.bpPerBin) <= 20_000, 'slice too large'),
  ),
  'runs:motifHits': ch<MotifHitRow[]>()(bySequence),
  'runs:seqlets': ch<SeqletRow[]>()(bySequence),
  'runs:motifRanking': ch<MotifRankRow[]>()(z.object({ runId, explanationId: z.string().min(1).max(64).optional() }).strict()),
  'runs:diagnostics': ch<SequenceDiagnostics[]>()(z.object({ runId, sequenceIndex: seqIndex, window: windowIndex.optional() }).strict()),
  'runs:layerRelevance': ch<LayerRelevanceView>()(
    z.object({ runId, sequenceIndex: seqIndex, explanationId: z.string().min(1).max(64), window: windowIndex.optional(), point: z.string().min(1).max(512).optional() }).strict(),
  ),
  'runs:groundTruth': ch<GroundTruthRegion[] | null>()(z.object({ runId, sequenceIndex: seqIndex }).strict()),
  /** Electron: main shows a save dialog. Browser mode downloads from /api/export instead. */
  /** A bedGraph holds one explanation (`explanationId`), as `plrp runs export` writes one file per explanation. */
  'runs:export': ch<{ saved: boolean; name: string }>()(z.object({ runId, format: z.enum(EXPORT_FORMATS), explanationId: z.string().min(1).max(64).optional() }).strict()),
  'cache:info': ch<CacheInfo>()(empty),
  'cache:prune': ch<PruneResult>()(
    z.object({ maxBytes: z.number().int().nonnegative().optional(), keepRuns: z.number().int().nonnegative().optional() }).strict(),
  ),
  /** Electron only: the native open dialog in main; returns a token, never the file's path or bytes. */
  'files:pick': ch<FileEntry | null>()(z.object({ kind: z.enum(FILE_KINDS) }).strict()),
  'files:list': ch<FileEntry[]>()(empty),
  /** Electron only: a dropped file's bytes (browser mode streams POST /api/upload instead). */
  'files:upload': ch<FileEntry>()(
    z.object({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IPC_UPLOAD_BYTES, 'file too large to drop; use Open…') }).strict(),
  ),
  /** Ground-truth regions of one sequence from a BED file the user attached. */
  'files:bedRegions': ch<BedRegion[]>()(z.object({ file: tokenRef, sequenceName: z.string().min(1).max(1000) }).strict()),
  /**
   * An uploaded model's manifest (NAME.json), uploaded beside it: checked against the model and
   * stored where the manifest lookup finds it. Refused for a model opened from disk.
   */
  'files:attachManifest': ch<AttachedManifest>()(z.object({ model: tokenRef, manifest: tokenRef }).strict()),
  'files:modelCard': ch<ModelCard>()(byFile),
  'files:fastaSummary': ch<FastaSummary>()(byFile),
  /** The regions a run of this FASTA would explain, checked as the run service checks them (building the .fai). */
  'files:regionsSummary': ch<RegionsSummary>()(
    z.object({ fasta: tokenRef, regions: z.array(regionString).max(MAX_TYPED_REGIONS), regionsBed: tokenRef.optional() }).strict(),
  ),
  'demo:bundle': ch<DemoBundle>()(empty),
  'settings:get': ch<Settings>()(empty),
  'settings:set': ch<Settings>()(settingsSchema.partial().strict()),
  /** Electron only: open an http(s) link in the system browser after the user confirms. */
  'shell:openExternal': ch<boolean>()(z.object({ url: z.string().max(2048) }).strict()),
} as const;

export type InvokeChannel = keyof typeof INVOKE_CHANNELS;
/** What the renderer sends (defaults may be left out). */
export type RequestOf<C extends InvokeChannel> = z.input<(typeof INVOKE_CHANNELS)[C]['request']>;
/** What the host receives after parsing (defaults filled in). */
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof INVOKE_CHANNELS)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = (typeof INVOKE_CHANNELS)[C]['response'];

/** Events pushed from the host to the renderer. */
export interface EventMap {
  'runs:progress': RunProgress;
  'runs:notice': RunNotice;
  'runs:settled': RunSummary;
}
export type EventChannel = keyof EventMap;
export const EVENT_CHANNELS: readonly EventChannel[] = ['runs:progress', 'runs:notice', 'runs:settled'];

/** What every invoke resolves to on the wire: a value or an expected error, never a thrown stack. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(INVOKE_CHANNELS, name);
}

/** Parses a request for `channel`; throws ZodError on a wrong shape (callers turn it into USAGE). */
export function parseRequest<C extends InvokeChannel>(channelName: C, payload: unknown): ParsedRequestOf<C> {
  return INVOKE_CHANNELS[channelName].request.parse(payload) as ParsedRequestOf<C>;
}
