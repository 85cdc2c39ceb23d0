// The one run service behind Electron IPC, the browser-mode server and the CLI: validates a
// request, fingerprints model and input, reuses every cached explanation, sends only what is
// missing to the worker pool in batches, persists each batch, and serves results as pages of rows
// and binned track slices. Only this (main or server) process writes the cache.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { BatchScheduler, tasksInFlight } from '../engine/pool/batch-scheduler';
import { EnginePool } from '../engine/pool/engine-pool';
import { EXPLAIN_WORKER_URL } from '../engine/pool/explain-worker-url';
import { windowSpans } from '../engine/pool/tiling';
import type { ExplainTask, ExplainTaskResult, KnownHit } from '../engine/pool/explain-task';
import { packedForTransfer } from '../engine/pool/task-buffers';
import { seqletNullTaskBuffers, type SeqletNullTask } from '../engine/pool/seqlet-null-task';
import type { SeqletNulls } from '../engine/seqlets/null-sample';
import { AppError, toErrorPayload } from '../shared/errors';
import { canonicalConfig } from '../shared/explain-config';
import type {
  CacheInfo, MotifHitRow, MotifRankRow, PruneRequest, PruningPointDiagnostics, SequenceDiagnostics, PruneResult, RunEventName, RunEvents, RunRequest, RunService, RunSummary,
  GroundTruthRegion, SeqletRow, SequencePage, LayerRelevanceRequest, LayerRelevanceView, SequencePageRequest, TrackSlice, TrackSliceRequest,
} from '../shared/run-api';
import { MAX_SEQUENCE_PAGE } from '../shared/run-api';
import { explanationKey } from './cache/cache-key';
import { cacheInfo, pruneCache } from './cache/cache-size';
import { runOutputLabels, type StoredRun } from './cache/cache-types';
import { manifestPlrpLambdaP, outputLabels } from '../engine/explain/model-manifest';
import { RunCache } from './cache/run-cache';
import { defaultCachePath } from './cache/default-cache-path';
import { ENGINE_VERSION } from './engine-version';
import { assertNotOwnedElsewhere, markOrphanedRunsInterrupted, ownerElsewhere, RunClaims } from './run-owner';
import { sha256File } from './file-hash';
import { ingestFasta, ingestRegions } from './ingest-fasta';
import { regionListFrom, resolveRegions } from '../engine/genomics/region';
import { RunGroundTruth } from './run-ground-truth';
import { parseRunRequest, resolvePathsOnly, type ResolveFileRef } from './parse-request';
import { batchSequencesFor, createRunJob } from './run-job';
import { RunProgressReporter } from './run-progress';
import { RecentValues } from './recent-values';
import { resolveRunId } from './resolve-run-id';
import { runSummary, sequenceRows } from './run-views';
import { binRelevance } from './track-slice';
import { motifHits, motifRanking, seqlets } from './run-annotations';
import { earlierScanHits, recordRunMotifs, reuseAnnotations } from './cache/reuse-annotations';
import { bundledJasparPath } from '../engine/motifs/bundled';
import { openModel } from '../engine/explain/open-model';
import { modelHeadAndLength } from '../engine/explain/model-head';
import { layerRelevanceView } from './layer-view';
import { buildRunReport } from './report/run-report';
import type { ReportRenderer } from './report/html-to-pdf';

/** Runs that name no motif file are scanned with the bundled JASPAR set, when it is installed. */
function defaultMotifs(): string | null {
  const path = bundledJasparPath();
  return existsSync(path) ? path : null;
}

/** Decoded results kept for track slices, and parsed diagnostics for the Layers view (a few sequences × explanations). */
const DECODED_RESULTS = 16;

/** How often a running run reports the progress of the batches its workers are computing. */
const PROGRESS_INTERVAL_MS = 500;

export interface RunServiceOptions {
  cachePath?: string;
  /** Refuse a cache file that is not there instead of creating it (read-only CLI commands). */
  cacheMustExist?: boolean;
  threads?: number;
  intraOpThreads?: number;
  resolveFile?: ResolveFileRef;
  onCacheMessage?: (message: string) => void;
  /** What opening the cache reported before this service opened it (an upgrade in a worker thread): shown with its own. */
  earlierCacheNotices?: string[];
  /** Path of a better-sqlite3 addon built for this runtime (Electron's ABI differs from Node's). */
  sqliteNativeBinding?: string;
  /**
   * This process owns the cache (app, server): it also marks runs without a recorded owner (stored
   * before schema 10) as interrupted. Runs whose recorded owner died are marked by every process.
   */
  recoverInterrupted?: boolean;
  /** PDF renderer for report(): default headless Chromium; the Electron app may pass printToPDF. */
  reportRenderer?: () => Promise<ReportRenderer>;
  /**
   * Sequences per batch (default: the one stored with the run, else batchSequencesFor the run and
   * the pool); smaller batches mean finer progress and kill tests. Stored with each run it launches.
   */
  batchSequences?: number;
  /**
   * Most sequences in the seqlet null's sample (default: NULL_SAMPLE_SEQUENCES, as `plrp explain`),
   * for tests of a sample that ends inside a batch.
   */
  seqletSampleSequences?: number;
  /** Milliseconds between renewals of this process's claim on its running runs (default OWNER_RENEW_MS; ./run-owner). */
  ownerRenewMs?: number;
  /** Milliseconds between progress events while batches compute (default PROGRESS_INTERVAL_MS). */
  progressIntervalMs?: number;
}


export class LocalRunService implements RunService {
  readonly cache: RunCache;
  private readonly events = new EventEmitter();
  private readonly active = new Map<string, AbortController>();
  private readonly settledPromises = new Map<string, Promise<void>>();
  private pool: EnginePool | null = null;
  private scheduler: BatchScheduler<ExplainTask, ExplainTaskResult> | null = null;
  /** This process's claims on the runs it computes; a run another process took over stops here. */
  private readonly claims: RunClaims;

  constructor(private readonly options: RunServiceOptions = {}) {
    this.cache = new RunCache(options.cachePath ?? defaultCachePath(), {
      onMessage: options.onCacheMessage, nativeBinding: options.sqliteNativeBinding, mustExist: options.cacheMustExist,
    });
    this.cache.openingNotices.unshift(...(options.earlierCacheNotices ?? []));
    this.claims = new RunClaims(this.cache, () => this.active.keys(), options.ownerRenewMs, (runId) => {
      this.emit('notice', { runId, level: 'warning', message: 'another PLRP Studio process has taken over this run; it goes on there' });
      this.active.get(runId)?.abort();
    });
    markOrphanedRunsInterrupted(this.cache, options.recoverInterrupted ?? false);
  }

  private schedulerFor(): BatchScheduler<ExplainTask, ExplainTaskResult> {
    if (!this.scheduler) {
      this.pool = new EnginePool({ handlerUrl: EXPLAIN_WORKER_URL, threads: this.options.threads, intraOpThreads: this.options.intraOpThreads });
      const pool = this.pool;
      this.scheduler = new BatchScheduler((t) => {
        const { task, transfer } = packedForTransfer(t);
        return pool.run<ExplainTask, ExplainTaskResult>(task, transfer);
      }, tasksInFlight(pool.workers));
    }
    return this.scheduler;
  }

  async start(request: RunRequest): Promise<RunSummary> {
    const p = parseRunRequest(request, this.options.resolveFile ?? resolvePathsOnly);
    const modelSha = await sha256File(p.modelPath);
    // A region run stores the regions, named and placed as `plrp explain` reads them: a resume
    // computes these very regions from the cache, whatever happens to the FASTA or BED since.
    const regions = p.regions ? await resolveRegions(p.fastaPath, await regionListFrom(p.regions.strings, p.regions.bedPath)) : null;
    const input = regions
      ? await ingestRegions(this.cache, regions, basename(p.fastaPath))
      : await ingestFasta(this.cache, p.fastaPath, basename(p.fastaPath));
    // The head tells the app which outputs the model predicts present (RunSummary.modelHead), the
    // input length which records were tiled (RunSummary.modelLengthBp).
    const shape = await modelHeadAndLength(p.modelPath).catch(() => null);
    this.cache.upsertModel(modelSha, basename(p.modelPath), { path: p.modelPath, ...(shape ?? {}) });
    const run: StoredRun = {
      id: randomUUID(), label: p.label, status: 'queued', modelSha, inputSha: input.sha256, modelName: basename(p.modelPath),
      fastaName: basename(p.fastaPath),
      request: { modelPath: p.modelPath, fastaPath: p.fastaPath, groundTruthBedPath: p.groundTruthBedPath, motifsPath: request.scanMotifs === false ? null : (p.motifsPath ?? defaultMotifs()), metrics: p.metrics,
        outputLabels: outputLabels(p.modelPath), recommendedP: manifestPlrpLambdaP(p.modelPath), ...(p.regions ? { regions: p.regions } : {}),
        ...(Object.keys(p.uploadNames).length > 0 ? { uploadNames: p.uploadNames } : {}) },
      target: p.target, engineVersion: ENGINE_VERSION, createdAt: Date.now(), startedAt: null, finishedAt: null, computeMs: 0, error: null,
      // E.g. that a stale .fai was rebuilt: the run's letters were read through a fresh index.
      notices: regions?.notes ?? [],
      ownerPid: process.pid, ownerSeenAt: Date.now(),
    };
    // Metrics (and the ground truth they use) are stored with the results, so they are part of
    // what makes a cached result reusable.
    const gtSha = p.groundTruthBedPath ? await sha256File(p.groundTruthBedPath) : '';
    const gtScoring = RunGroundTruth.read(p.groundTruthBedPath, run.request.outputLabels ?? null)?.scoring;
    if (gtScoring) run.request.groundTruthScoring = gtScoring;
    const resultsVersion = `${ENGINE_VERSION}|metrics=${[...p.metrics].sort().join(',')}|gt=${gtSha}${gtScoring === 'by-output' ? '|gt-by-output' : ''}`;
    const keyed = p.configs.map((config) => ({
      explId: config.id, config, canonical: canonicalConfig(config),
      explKey: explanationKey({ modelSha256: modelSha, config, inputSha256: input.sha256, engineVersion: resultsVersion, target: p.target }),
    }));
    this.cache.insertRun(run, keyed);
    return this.launch(run.id);
  }

  /** Launches in progress: a launch waits for file checksums and copies cached hits in chunks. */
  private readonly launching = new Map<string, Promise<RunSummary>>();

  /** One launch per run at a time: a resume while the run is still being launched joins that launch. */
  private launch(runId: string): Promise<RunSummary> {
    const known = this.launching.get(runId);
    if (known) return known;
    const launched = this.launchOnce(runId).finally(() => this.launching.delete(runId));
    this.launching.set(runId, launched);
    return launched;
  }

  /** Marks fully cached explanations, then either settles at once or queues the missing work. */
  private async launchOnce(runId: string): Promise<RunSummary> {
    const run = this.mustGet(runId);
    const motifsPath = run.request.motifsPath;
    const motifs = motifsPath && existsSync(motifsPath) ? { path: motifsPath, sha256: await sha256File(motifsPath) } : null;
    const count = this.cache.inputCount(run.inputSha);
    let knownHits: ((idx: number) => KnownHit[] | null) | null = null;
    if (motifs) {
      recordRunMotifs(this.cache.db, runId, motifs.sha256);
      if (this.cache.scannedCount(runId) === 0) await reuseAnnotations(this.cache.db, runId, run.inputSha, motifs.sha256, count);
      // An earlier run without some of this run's explanations still found the same hits.
      if (this.cache.scannedCount(runId) < count) knownHits = earlierScanHits(this.cache.db, runId, run.inputSha, motifs.sha256, count);
    }
    const explanations = this.cache.runExplanations(runId);
    for (const e of explanations) {
      if (this.cache.doneIndices(e.explKey).size >= count) this.cache.markExplanationCached(runId, e.explId);
    }
    const now = Date.now();
    // Done when every sequence is stored and annotated: scanned (with motifs), and its seqlets called.
    if (this.cache.sequencesDone(runId) >= count && (!motifs || this.cache.scannedCount(runId) >= count) && this.cache.seqletsComplete(runId, count)) {
      // All from the cache: the run still says how it scored against its BED, as a computed one does.
      const gtNotice = RunGroundTruth.readIfPresent(run.request.groundTruthBedPath, runOutputLabels(run.request))?.notice();
      const notices = gtNotice && !run.notices.includes(gtNotice) ? [...run.notices, gtNotice] : run.notices;
      this.cache.updateRun(runId, { status: 'done', startedAt: run.startedAt ?? now, finishedAt: now, error: null, ownerPid: null, notices });
      const summary = this.summary(runId);
      queueMicrotask(() => this.emit('settled', summary));
      return summary;
    }
    this.cache.updateRun(runId, { status: 'running', startedAt: run.startedAt ?? now, finishedAt: null, error: null, ownerPid: process.pid, ownerSeenAt: now });
    const controller = new AbortController();
    this.active.set(runId, controller);
    this.claims.start();
    const gt = RunGroundTruth.read(run.request.groundTruthBedPath, runOutputLabels(run.request));
    let computeMs = run.computeMs;
    const notices = [...run.notices];
    const gtNotice = gt?.notice();
    if (gtNotice && !notices.includes(gtNotice)) {
      notices.push(gtNotice);
      this.cache.updateRun(runId, { notices });
      this.emit('notice', { runId, level: 'info', message: gtNotice });
    }
    const windowBp = await this.modelWindowBp(run);
    const scheduler = this.schedulerFor();
    const progress = new RunProgressReporter(runId, this.cache.sequencesDone(runId), count, (p) => this.emit('progress', p), this.options.progressIntervalMs ?? PROGRESS_INTERVAL_MS);
    // The batch size the run started with, so a resume (here, in the app or another process with
    // another pool) batches the rest as an uninterrupted run would; this service's own size wins.
    const batchSequences = this.options.batchSequences ?? run.request.batchSequences ?? batchSequencesFor(count, this.pool!.workers, explanations.length);
    if (batchSequences !== run.request.batchSequences) {
      run.request.batchSequences = batchSequences;
      this.cache.updateRun(runId, { request: run.request });
    }
    const job = createRunJob({
      cache: this.cache, run, explanations, sequenceCount: count, signal: controller.signal, motifs, knownHits, windowBp,
      batchSequences,
      seqletSampleSequences: this.options.seqletSampleSequences,
      inFlight: progress.inFlight,
      // The null's decoding and FFTs, off the main thread (every batch past the sample waits for it, so the run's workers are free).
      buildSeqletNulls: (task) => this.pool!.run<SeqletNullTask, SeqletNulls>(task, seqletNullTaskBuffers(task)),
      groundTruth: (name, lengthBp, place) => gt?.masks(name, lengthBp, place) ?? null,
      onBatchDone: (n, ms) => {
        computeMs += ms;
        this.cache.updateRun(runId, { computeMs });
        progress.batchStored(n);
      },
      onNotice: (message) => {
        notices.push(message);
        this.cache.updateRun(runId, { notices });
        this.emit('notice', { runId, level: 'warning', message });
      },
    });
    const settled = scheduler.submit(job).then(
      () => this.finish(runId, 'done', null),
      (e: unknown) => this.finish(runId, (e as AppError).code === 'CANCELLED' ? 'cancelled' : 'failed', toErrorPayload(e)),
    ).finally(() => progress.stop());
    this.settledPromises.set(runId, settled);
    progress.report();
    return this.summary(runId);
  }

  /**
   * The model's fixed input length (for the too-short warning), read once per model and kept in the
   * models row. 0 when the model takes any length or cannot be opened here (the worker reports that).
   */
  private async modelWindowBp(run: StoredRun): Promise<number> {
    const text = this.cache.db.prepare('SELECT info_json FROM models WHERE sha256 = ?').pluck().get(run.modelSha) as string | undefined;
    const info = text ? (JSON.parse(text) as { path?: string; lengthBp?: number }) : {};
    if (typeof info.lengthBp === 'number') return info.lengthBp;
    let lengthBp = 0;
    let head: string;
    try {
      const model = await openModel(run.request.modelPath);
      lengthBp = Math.max(0, model.info.lengthBp);
      head = model.info.head;
      await model.close();
    } catch {
      return 0;
    }
    this.cache.upsertModel(run.modelSha, run.modelName, { ...info, lengthBp, head });
    return lengthBp;
  }

  private finish(runId: string, status: 'done' | 'failed' | 'cancelled', error: ReturnType<typeof toErrorPayload> | null): void {
    this.active.delete(runId);
    this.settledPromises.delete(runId);
    // A run another process has taken over (see RunClaims) is theirs to settle; one deleted
    // there meanwhile has nothing left to settle.
    this.cache.settleOwnRun(runId, process.pid, { status, finishedAt: Date.now(), error });
    if (this.cache.getRun(runId)) this.emit('settled', this.summary(runId));
  }

  /** Resolves when the run is no longer computing in this process. */
  async whenSettled(runId: string): Promise<RunSummary> {
    await this.settledPromises.get(runId);
    return this.summary(runId);
  }

  async cancel(runId: string): Promise<void> {
    const run = this.mustGet(runId);
    const c = this.active.get(runId);
    if (!c) return assertNotOwnedElsewhere(run, 'cancel');
    c.abort();
    await this.settledPromises.get(runId);
  }

  async resume(runId: string): Promise<RunSummary> {
    const run = this.mustGet(runId);
    if (this.active.has(runId)) return this.summary(runId);
    assertNotOwnedElsewhere(run, 'resume');
    const sha = await sha256File(run.request.modelPath);
    if (sha !== run.modelSha) {
      throw new AppError('BAD_MODEL', `${run.request.modelPath} has changed since the run started (its checksum differs); start a new run`);
    }
    return this.launch(runId);
  }

  async list(): Promise<RunSummary[]> {
    return this.cache.listRuns().map((r) => runSummary(this.cache, r, this.cache.inputCount(r.inputSha)));
  }

  /** A run's full id from its id or a unique prefix of it (the CLI's `plrp runs show 3f2a`). */
  resolveRunId(idOrPrefix: string): string {
    return resolveRunId(this.cache, idOrPrefix);
  }

  async get(runId: string): Promise<RunSummary> {
    return this.summary(runId);
  }

  async sequences(request: SequencePageRequest): Promise<SequencePage> {
    const run = this.mustGet(request.runId);
    const offset = Math.max(0, request.offset ?? 0);
    const limit = Math.min(MAX_SEQUENCE_PAGE, Math.max(1, request.limit ?? 100));
    return { total: this.cache.inputCount(run.inputSha), rows: sequenceRows(this.cache, run, offset, limit) };
  }

  async trackSlice(request: TrackSliceRequest): Promise<TrackSlice> {
    const run = this.mustGet(request.runId);
    const e = this.cache.runExplanations(run.id).find((x) => x.explId === request.explanationId);
    if (!e) throw new AppError('USAGE', `run ${run.id} has no explanation "${request.explanationId}"`);
    const result = this.recentResult(e.explKey, request.sequenceIndex);
    if (!result) throw new AppError('USAGE', `sequence ${request.sequenceIndex} of run ${run.id} has no result for "${e.explId}" yet`);
    if (!(request.bpPerBin > 0) || !(request.endBp >= request.startBp)) {
      throw new AppError('USAGE', `bad track region ${request.startBp}-${request.endBp} at ${request.bpPerBin} bp per bin`);
    }
    const binned = binRelevance(result.relevance, result.lengthBp, request.startBp, request.endBp, request.bpPerBin);
    const slice: TrackSlice = { runId: run.id, sequenceIndex: request.sequenceIndex, explanationId: e.explId, bpPerBin: request.bpPerBin, ...binned };
    if (binned.bases) {
      const [s] = this.cache.readSequences(run.inputSha, request.sequenceIndex, request.sequenceIndex + 1);
      slice.letters = s.letters.slice(binned.startBp, binned.endBp);
    }
    return slice;
  }

  /**
   * Zoom and pan ask for slice after slice of the same sequence: keep the last few decoded
   * relevance arrays (a 100 kbp result is 1.6 MB to inflate).
   */
  private readonly decoded = new RecentValues<NonNullable<ReturnType<RunCache['readResult']>>>(DECODED_RESULTS);
  private recentResult(explKey: string, idx: number): ReturnType<RunCache['readResult']> {
    return this.decoded.get(`${explKey}\u0000${idx}`, () => this.cache.readResult(explKey, idx));
  }

  /**
   * Stepping through a long record's model windows asks for the same sequence's diagnostics again
   * and again: keep them parsed (a 2 Mbp record's are about 15 MB of JSON per explanation).
   */
  private readonly parsedDiagnostics = new RecentValues<PruningPointDiagnostics[][]>(DECODED_RESULTS);
  private recentDiagnostics(explKey: string, idx: number): PruningPointDiagnostics[][] | undefined {
    return this.parsedDiagnostics.get(`${explKey}\u0000${idx}`, () => this.cache.readDiagnostics(explKey, idx) as PruningPointDiagnostics[][] | undefined);
  }

  async motifHits(runId: string, sequenceIndex?: number): Promise<MotifHitRow[]> {
    this.mustGet(runId);
    return motifHits(this.cache, runId, sequenceIndex);
  }

  async seqlets(runId: string, sequenceIndex?: number): Promise<SeqletRow[]> {
    this.mustGet(runId);
    return seqlets(this.cache, runId, sequenceIndex);
  }

  async motifRanking(runId: string, explanationId?: string): Promise<MotifRankRow[]> {
    this.mustGet(runId);
    return motifRanking(this.cache, runId, explanationId);
  }

  async diagnostics(runId: string, sequenceIndex: number, window = 0): Promise<SequenceDiagnostics[]> {
    const run = this.mustGet(runId);
    const lengthBp = this.cache.sequenceNames(run.inputSha, sequenceIndex, 1)[0]?.lengthBp ?? 0;
    const spans = windowSpans(lengthBp, await this.modelWindowBp(run));
    return this.cache.runExplanations(runId).flatMap((e) => {
      const windows = this.recentDiagnostics(e.explKey, sequenceIndex);
      if (windows === undefined) return [];
      const w = Math.max(0, Math.min(window, windows.length - 1));
      const span = spans[w] ?? { startBp: 0, endBp: lengthBp };
      return [{ explanationId: e.explId, method: e.config.method, windowCount: windows.length, window: w, ...span, points: windows[w] ?? [] }];
    });
  }

  async layerRelevance(request: LayerRelevanceRequest): Promise<LayerRelevanceView> {
    const run = this.mustGet(request.runId);
    const e = this.cache.runExplanations(run.id).find((x) => x.explId === request.explanationId);
    if (!e) throw new AppError('USAGE', `run ${run.id} has no explanation "${request.explanationId}"`);
    return layerRelevanceView(this.cache, e.explKey, e.config.method, request);
  }

  async groundTruth(runId: string, sequenceIndex: number): Promise<GroundTruthRegion[] | null> {
    const run = this.mustGet(runId);
    const gt = RunGroundTruth.readIfPresent(run.request.groundTruthBedPath, runOutputLabels(run.request));
    if (!gt) return null;
    const [row] = sequenceRows(this.cache, run, sequenceIndex, 1);
    if (!row || row.index !== sequenceIndex) throw new AppError('USAGE', `run ${runId} has no sequence ${sequenceIndex}`);
    return gt.regions(row, row.target);
  }

  async report(runId: string, format: 'html' | 'pdf'): Promise<Uint8Array> {
    this.mustGet(runId);
    return buildRunReport(this, runId, format, this.options.reportRenderer);
  }

  async delete(runId: string): Promise<void> {
    assertNotOwnedElsewhere(this.mustGet(runId), 'delete');
    await this.cancel(runId);
    this.cache.deleteRun(runId);
  }

  async cacheInfo(): Promise<CacheInfo> {
    return cacheInfo(this.cache);
  }

  async pruneCache(request: PruneRequest): Promise<PruneResult> {
    const elsewhere = this.cache.listRuns().filter((r) => ownerElsewhere(r) !== null).map((r) => r.id);
    return pruneCache(this.cache, request, new Set([...this.active.keys(), ...elsewhere]));
  }

  on<E extends RunEventName>(event: E, listener: (payload: RunEvents[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  private emit<E extends RunEventName>(event: E, payload: RunEvents[E]): void {
    this.events.emit(event, payload);
  }

  private mustGet(runId: string): StoredRun {
    const run = this.cache.getRun(runId);
    if (!run) throw new AppError('USAGE', `no run with id ${runId}`);
    return run;
  }

  private summary(runId: string): RunSummary {
    const run = this.mustGet(runId);
    return runSummary(this.cache, run, this.cache.inputCount(run.inputSha));
  }

  /**
   * A forced quit (a second Ctrl-C on the command line): settles this process's running runs as
   * cancelled and closes the cache now, without waiting for the batches in flight. Every stored
   * batch stays; the process must exit right after (its workers are still computing).
   */
  quitNow(): void {
    const error = toErrorPayload(new AppError('CANCELLED', 'quit without waiting for the batches in flight; every stored batch is kept'));
    for (const runId of this.active.keys()) this.cache.settleOwnRun(runId, process.pid, { status: 'cancelled', finishedAt: Date.now(), error });
    this.active.clear();
    this.claims.stop();
    this.cache.close();
  }

  /** Cancels active runs and stops the workers. */
  async close(): Promise<void> {
    for (const c of this.active.values()) c.abort();
    await Promise.allSettled([...this.settledPromises.values()]);
    this.claims.stop();
    await this.pool?.destroy();
    this.cache.close();
  }
}
