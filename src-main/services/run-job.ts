// Turns a run into a stream of batches for the pool: walks the run's sequences in order, skips the
// ones every explanation already has (cache reuse, resume), and asks the worker only for the
// explanations a batch is missing. Each finished batch is written in transactions of whole
// sequences, yielding between them, so a killed process loses at most the batches in flight (and
// the unstored rest of the one being written) and the main thread stays responsive. With motifs, each sequence is also scanned once per
// run (hits weighted by every explanation, cached ones sent along), or given the hits of an earlier
// run's scan of the same input to weight. Seqlets are called against the run's null sample
// (./run-seqlet-sample.ts). Stored sequences that only lack annotations (the scan, or an
// explanation's seqlets) go in annotation-only batches from their cached relevance: the null
// sample's as soon as the sample is stored, the others after the explain pass.
import type { BatchJob } from '../engine/pool/batch-scheduler';
import type { ExplainTask, ExplainTaskResult, KnownHit } from '../engine/pool/explain-task';
import type { MetricName } from '../engine/metrics/metric-names';
import type { AnnotationWrite, BatchWrite, ResultWrite, RunExplanation, StoredRun, StoredSequence } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';
import type { InFlightProgress } from '../engine/pool/in-flight-progress';
import type { LayerWrite } from './cache/cache-types';
import { LAYER_WINDOWS, wantsLayers } from './cache/layer-store';
import { nonFiniteRelevanceMessage, sequenceWarnings } from '../engine/explain/sequence-warnings';
import { magnifiedRelevanceWarning } from '../engine/explain/pruning-warnings';
import { signWarnings } from '../engine/explain/sign-warnings';
import type { PruningDiagnostics } from '../engine/explain/types';
import { MAX_BATCH_SEQUENCES, type GenomePlace } from '../shared/run-api';
import type { SequenceGroundTruth } from '../engine/metrics/ground-truth-outputs';
import { RunSeqletSample, type BuildSeqletNulls } from './run-seqlet-sample';
import { rankShares } from '../engine/pool/rank-shares';
import { yieldToEventLoop } from './yield-to-event-loop';

/** A batch closes at this many sequences or bases, whichever comes first (the seqlet null's sample has the same bounds, null-sample.ts). */
export const BATCH_SEQUENCES = MAX_BATCH_SEQUENCES;
export const BATCH_BASES = 256_000;
/** How often a batch past the seqlet sample checks whether the sample's batches are stored. */
const SAMPLE_POLL_MS = 20;
/** Sequences read from the cache per query while batches fill. */
const READ_AHEAD = 512;
/**
 * Rows (sequences, results and seqlet sets) stored per transaction before the main thread yields:
 * about 10–40 ms each (100–150 µs per result row, more on a loaded machine).
 */
export const STORE_CHUNK_ROWS = 256;
/** Cached relevance read per turn of the event loop while a batch is filled. */
const READ_CHUNK_RESULTS = 256;
/** Fewest sequences per batch when a small input is split across workers. */
export const MIN_BATCH_SEQUENCES = 64;
/**
 * Most results (sequences × run explanations) per batch. A batch's results cross to the main
 * thread in one message, which it receives in one block: 1,000 sequences of the demo's seven
 * explanations took it 0.3–0.8 s on a loaded machine. Not fewer: every batch also adds its motif
 * shares to the run's ranking, about 5,000 upserts for seven explanations however small the batch.
 */
export const BATCH_RESULTS = 2048;

/**
 * Sequences per batch for `count` sequences on `workers` workers with `explanations` run
 * explanations: BATCH_SEQUENCES, fewer when a batch would hold more than BATCH_RESULTS results,
 * and fewer when that would leave workers idle (1,000 sequences on 7 workers go as 7 batches of 143).
 */
export function batchSequencesFor(count: number, workers: number, explanations = 1): number {
  const byResults = Math.max(MIN_BATCH_SEQUENCES, Math.floor(BATCH_RESULTS / Math.max(1, explanations)));
  return Math.min(BATCH_SEQUENCES, byResults, Math.max(MIN_BATCH_SEQUENCES, Math.ceil(count / Math.max(1, workers))));
}

export interface RunJobOptions {
  cache: RunCache;
  run: StoredRun;
  explanations: RunExplanation[];
  sequenceCount: number;
  /** `place`: a region run's sequence's place on its chromosome (a BED in genome coordinates). */
  groundTruth: (name: string, lengthBp: number, place?: GenomePlace) => SequenceGroundTruth;
  signal: AbortSignal;
  onBatchDone: (sequences: number, computeMs: number) => void;
  onNotice: (message: string) => void;
  /** Motif file to scan (null: seqlets only). */
  motifs: { path: string; sha256: string } | null;
  /**
   * A sequence's hits from an earlier run that scanned the same input with the same motif file:
   * its sequences are weighted by the new relevance instead of scanned again. Null: scan.
   */
  knownHits?: ((idx: number) => KnownHit[] | null) | null;
  /** The model's fixed input length (0: any length), for the too-short warning. */
  windowBp: number;
  /** Sequences per batch (see batchSequencesFor). */
  batchSequences: number;
  /** Most sequences in the seqlet null's sample (default NULL_SAMPLE_SEQUENCES; tests use fewer). */
  seqletSampleSequences?: number;
  /** Where the tasks in flight report how far they are. */
  inFlight?: InFlightProgress;
  /** Builds a seqlet null from its packed sample off this thread (the run service: in the worker pool). */
  buildSeqletNulls: BuildSeqletNulls;
}

/** One transaction's share of a batch (see store in createRunJob). */
interface StoreChunk {
  /** Sequences and results in the chunk. */
  rows: number;
  predictions: BatchWrite['predictions'];
  results: { explKey: string; row: ResultWrite }[];
  layers: LayerWrite[];
  warnings: NonNullable<BatchWrite['warnings']>;
  seqlets: AnnotationWrite['seqlets'];
}

const emptyChunk = (): StoreChunk => ({ rows: 0, predictions: [], results: [], layers: [], warnings: [], seqlets: [] });

export function createRunJob(o: RunJobOptions): BatchJob<ExplainTask, ExplainTaskResult> {
  const done = new Map(o.explanations.map((e) => [e.explId, o.cache.doneIndices(e.explKey)]));
  const keyById = new Map(o.explanations.map((e) => [e.explId, e.explKey]));
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  let cursor = 0;
  let buffer: StoredSequence[] = [];
  const deferred: StoredSequence[] = [];
  const scanned = o.motifs ? o.cache.scannedIndices(o.run.id) : null;
  const needsScan = (idx: number): boolean => scanned !== null && !scanned.has(idx);
  /** Per explanation, the sequences whose seqlets are called (a stored record each, empty without seqlets). */
  const called = new Map(o.explanations.map((e) => [e.explId, o.cache.seqletIndices(e.explKey)]));
  /** Explanations with a stored result of this sequence but no seqlets called on it yet. */
  const seqletsMissing = (idx: number): RunExplanation[] =>
    o.explanations.filter((e) => done.get(e.explId)!.has(idx) && !called.get(e.explId)!.has(idx));
  const needsAnnotation = (idx: number): boolean => needsScan(idx) || seqletsMissing(idx).length > 0;
  /** The sample's stored sequences to annotate before anything else once its nulls are known, and every sequence queued there. */
  const sampleFirst: StoredSequence[] = [];
  const queuedFirst = new Set<number>();
  let sampleQueued = false;
  /** Names of the sequences in flight, for warnings (the worker sees letters only). */
  const names = new Map<number, string>();

  const missingFor = (idx: number): RunExplanation[] => o.explanations.filter((e) => !done.get(e.explId)!.has(idx));
  const sample = new RunSeqletSample(o.cache, o.run.inputSha, o.explanations, missingFor, (e) => called.get(e.explId)!.size < o.sequenceCount, o.buildSeqletNulls, o.seqletSampleSequences);
  /** Once the nulls are known: queues the sample's sequences that still need annotating (seqlets, or a scan), ahead of the rest. */
  const queueSample = (): void => {
    if (sampleQueued || !sample.ready) return;
    sampleQueued = true;
    for (const s of o.cache.readSequences(o.run.inputSha, 0, sample.end)) {
      if (missingFor(s.idx).length > 0 || !needsAnnotation(s.idx)) continue;
      sampleFirst.push(s);
      queuedFirst.add(s.idx);
    }
    for (let i = deferred.length - 1; i >= 0; i--) if (queuedFirst.has(deferred[i].idx)) deferred.splice(i, 1);
  };
  /**
   * Resolves true once the sample's batches are stored and the nulls built (here for a run resumed
   * with its sample stored), false when the run stops first; rejects when building them fails.
   */
  const sampleStored = async (): Promise<boolean> => {
    while (!sample.ready) {
      if (Atomics.load(cancelFlag, 0) !== 0 || o.signal.aborted) return false;
      if (sample.sampleStored) await sample.whenReady();
      else await new Promise((resolve) => setTimeout(resolve, SAMPLE_POLL_MS));
    }
    return true;
  };

  /**
   * Reads the cached relevance a batch sends along into one buffer (each array a view on it, which
   * the run service transfers to the worker in one piece), READ_CHUNK_RESULTS per turn of the event
   * loop: an annotation-only batch of the demo's seven explanations reads 7,000 results.
   */
  const readCachedRelevance = async (reads: { s: ExplainTask['sequences'][number]; e: RunExplanation }[]): Promise<void> => {
    // Stored relevance is [lengthBp, 4] (ExplainTask.sequences[].cachedRelevance).
    const packed = new Float32Array(reads.reduce((n, r) => n + r.s.letters.length * 4, 0));
    let at = 0;
    for (let i = 0; i < reads.length; i++) {
      const { s, e } = reads[i];
      const r = o.cache.readRelevance(e.explKey, s.idx)!;
      if (r.length !== s.letters.length * 4) throw new Error(`stored relevance of sequence ${s.idx + 1} under ${e.explId} has ${r.length} values, not ${s.letters.length * 4}`);
      packed.set(r, at);
      (s.cachedRelevance ??= {})[e.explId] = packed.subarray(at, (at += r.length));
      if ((i + 1) % READ_CHUNK_RESULTS === 0) await yieldToEventLoop();
    }
  };

  const job: BatchJob<ExplainTask, ExplainTaskResult> = {
    signal: o.signal,
    cancelFlag,
    notice: o.onNotice,
    describe: (t) => `sequences ${t.sequences[0].idx + 1}–${t.sequences[t.sequences.length - 1].idx + 1}`,
    next: async () => {
      // Past the sample, batches need its nulls: wait for its batches to be stored.
      if (!sample.ready && sample.allHandedOut && !(await sampleStored())) return null;
      queueSample();
      const seqs: ExplainTask['sequences'] = [];
      const configIds = new Set<string>();
      let bases = 0;
      // The sample's annotation goes first; the other annotation-only sequences wait until every
      // sequence needing explanations has been handed out.
      const ofSampleFirst = sampleFirst.length > 0;
      const scanOnly = ofSampleFirst || (buffer.length === 0 && cursor >= o.sequenceCount);
      const source = (): StoredSequence | undefined => (ofSampleFirst ? sampleFirst.shift() : scanOnly ? deferred.shift() : buffer.shift());
      while (seqs.length < o.batchSequences && bases < BATCH_BASES) {
        if (!scanOnly && buffer.length === 0) {
          if (cursor >= o.sequenceCount) break;
          buffer = o.cache.readSequences(o.run.inputSha, cursor, cursor + READ_AHEAD);
          cursor += READ_AHEAD;
          continue;
        }
        const s = source();
        if (!s) break;
        const missing = missingFor(s.idx);
        if (missing.length === 0) {
          const annotate = needsAnnotation(s.idx);
          if (!scanOnly && annotate && !queuedFirst.has(s.idx)) deferred.push(s);
          if (!scanOnly || !annotate) continue;
        }
        // A batch of the sample holds sample sequences only (the others wait for its nulls).
        if (!sample.ready && s.idx >= sample.end) {
          buffer.unshift(s);
          break;
        }
        for (const e of missing) configIds.add(e.explId);
        seqs.push({ idx: s.idx, letters: s.letters, groundTruth: o.groundTruth(s.name, s.lengthBp, s.place) });
        names.set(s.idx, s.name);
        bases += s.lengthBp;
      }
      if (seqs.length === 0 && !sample.ready && buffer.length > 0) return (await sampleStored()) ? job.next() : null;
      if (seqs.length === 0) return !scanOnly && deferred.length > 0 ? job.next() : null;
      // The sample's batches are explained without seqlets: they are called once the sample is stored.
      const ofSample = !sample.ready && configIds.size > 0;
      // Seqlets of the explanations computed here (past the sample) and of those stored without them.
      const seqletIds = new Set(ofSample ? [] : configIds);
      // A batch scans when one of its sequences needs it (an already scanned one is skipped when stored).
      const scans = o.motifs !== null && seqs.some((s) => needsScan(s.idx));
      const reads: { s: ExplainTask['sequences'][number]; e: RunExplanation }[] = [];
      for (const s of seqs) {
        // (Batches before the nulls are known hold sample sequences to explain only.)
        const unannotated = sample.ready ? seqletsMissing(s.idx) : [];
        for (const e of unannotated) seqletIds.add(e.explId);
        // Hits are weighted by every run explanation: send the cached ones the worker will not compute.
        const cached = scans ? o.explanations.filter((e) => !configIds.has(e.explId)) : unannotated;
        for (const e of cached) reads.push({ s, e });
        if (needsScan(s.idx)) s.knownHits = o.knownHits?.(s.idx) ?? undefined;
      }
      await readCachedRelevance(reads);
      const configs = o.explanations.filter((e) => configIds.has(e.explId)).map((e) => e.config);
      // Layer relevance only for the bounded subset the cache keeps (layer-store.ts).
      const layerSequences = configs.some((c) => c.method !== 'lrp') ? seqs.filter((s) => wantsLayers(s.idx)).map((s) => s.idx) : [];
      const task: ExplainTask = {
        modelPath: o.run.request.modelPath,
        modelSha256: o.run.modelSha,
        sequences: seqs,
        configs,
        layerRelevance: layerSequences.length > 0 ? { sequences: layerSequences, windowsPerSequence: LAYER_WINDOWS } : undefined,
        target: o.run.target,
        metrics: o.run.request.metrics as MetricName[],
        annotate: {
          motifsPath: scans ? o.motifs!.path : null, motifsSha256: scans ? o.motifs!.sha256 : null,
          seqletNulls: seqletIds.size > 0 ? sample.nullsFor(seqletIds) : undefined,
        },
        cancelFlag,
        storeForCache: true,
        // Scan-only batches add no finished sequences, so their progress counts none either.
        progress: o.inFlight?.track(configs.length === 0 ? 0 : seqs.length),
      };
      if (ofSample) sample.handOut(task);
      return task;
    },
    persist: async (task, result) => {
      await store(task, result);
      if (sample.isSampleTask(task)) await sample.stored(result);
    },
  };

  /**
   * Writes one batch in transactions of whole sequences (STORE_CHUNK_ROWS rows each), yielding to
   * the event loop between them: a batch of the demo's seven explanations on a thousand sequences
   * took the main thread 0.8–2 s to store in one transaction. Each sequence's predictions, results,
   * warnings, layers and seqlets go in one transaction, so a killed process leaves every stored
   * sequence whole. The motif hits, scanned marks and ranking shares go last, in one transaction for
   * the whole batch, as before: the ranking adds the batch's summed shares, and a sequence counts as
   * scanned only with its hits and shares (one stored without them is scanned again on resume).
   */
  const store = async (task: ExplainTask, result: ExplainTaskResult): Promise<void> => {
    // Stores every worker's batches, so its time per sequence bounds a run on many cores: maps and
    // plain objects here, no find per sequence, object spread or string keys per seqlet.
    const lettersOf = new Map(task.sequences.map((x) => [x.idx, x.letters]));
    const a = result.annotations;
    const seqletsOf = new Map<number, NonNullable<typeof a>['seqlets']>();
    for (const q of a?.seqlets ?? []) {
      const of = seqletsOf.get(q.idx);
      if (of) of.push(q);
      else seqletsOf.set(q.idx, [q]);
    }
    /** Seqlets of the results this batch adds (`fresh`: their explanation keys), and of stored results whose seqlets were still to call. */
    const seqletsToStore = (idx: number, fresh: ReadonlySet<string>): void => {
      for (const q of seqletsOf.get(idx) ?? []) {
        const explKey = keyById.get(q.configId)!;
        if (fresh.has(explKey) || !called.get(q.configId)!.has(q.idx)) chunk.seqlets.push({ explKey, idx: q.idx, count: q.count, seqletsJson: q.seqletsJson });
      }
      seqletsOf.delete(idx);
    };
    let chunk = emptyChunk();
    const flush = async (): Promise<void> => {
      if (chunk.rows + chunk.seqlets.length === 0) return;
      const { predictions, results, layers, warnings, seqlets } = chunk;
      chunk = emptyChunk();
      o.cache.writeBatch({
        modelSha: o.run.modelSha, inputSha: o.run.inputSha, predictions, results, layers, warnings,
        annotations: seqlets.length > 0 ? { runId: o.run.id, scanned: [], hits: [], ranks: rankShares([]), seqlets } : undefined,
      });
      for (const { explKey, row } of results) {
        for (const e of o.explanations) if (e.explKey === explKey) done.get(e.explId)!.add(row.idx);
      }
      for (const q of seqlets) for (const e of o.explanations) if (e.explKey === q.explKey) called.get(e.explId)!.add(q.idx);
      await yieldToEventLoop();
    };
    for (const s of result.sequences) {
      const name = names.get(s.idx) ?? `#${s.idx + 1}`;
      const letters = lettersOf.get(s.idx) ?? '';
      const fromLetters = sequenceWarnings(name, letters, o.windowBp);
      if (s.output.length > 0) chunk.predictions.push({ idx: s.idx, output: s.output, logits: s.logits });
      /** Explanations whose result of this sequence this batch adds. */
      const fresh = new Set<string>();
      for (const e of s.explanations) {
        const explKey = keyById.get(e.configId)!;
        if (done.get(e.configId)!.has(s.idx)) continue;
        // The worker made the blob, the numbers and the JSON: every task of this job asks for them (storeForCache).
        const stored = e.stored!;
        chunk.results.push({ explKey, row: { idx: s.idx, target: s.target, lengthBp: s.lengthBp, relevance: e.relevance, blob: stored.blob, diagnostics: e.diagnostics,
          metrics: e.metrics as Record<string, number>, diagnosticsJson: stored.diagnosticsJson, metricsJson: stored.metricsJson,
          sum: stored.sum, absSum: stored.absSum, min: stored.min, max: stored.max } });
        fresh.add(explKey);
        const nonFinite = stored.finite ? null : nonFiniteRelevanceMessage(name, e.configId);
        // The diagnostics came as JSON: parsed only for the rare result the warning is about.
        const magnified = stored.magnified ? magnifiedRelevanceWarning(name, e.configId, JSON.parse(stored.diagnosticsJson) as PruningDiagnostics[][]) : null;
        const diagnostics = stored.flipped ? JSON.parse(stored.diagnosticsJson) as PruningDiagnostics[][] : null;
        const signs = signWarnings(name, e.configId, diagnostics, stored.sum, s.logits[s.target], o.windowBp <= 0 || s.lengthBp <= o.windowBp);
        for (const message of [...fromLetters, nonFinite, magnified, ...signs]) if (message) chunk.warnings.push({ explKey, idx: s.idx, message });
        // The task returned layers for the selected sequences and windows only (an empty list for the others).
        e.layerRelevance?.forEach((points, window) =>
          points.forEach((l, position) => chunk.layers.push({ explKey, idx: s.idx, window, position, point: l.point, shape: l.shape, before: l.before, after: l.after })));
      }
      chunk.rows += 1 + fresh.size;
      seqletsToStore(s.idx, fresh);
      names.delete(s.idx);
      if (chunk.rows + chunk.seqlets.length >= STORE_CHUNK_ROWS) await flush();
    }
    // (A worker returns seqlets of the batch's sequences only; any other would be kept as before.)
    for (const idx of [...seqletsOf.keys()]) seqletsToStore(idx, new Set());
    await flush();
    if (a && a.scanned.length > 0) {
      o.cache.writeBatch({ modelSha: o.run.modelSha, inputSha: o.run.inputSha, predictions: [], results: [], annotations: { runId: o.run.id, scanned: a.scanned, hits: a.hits, ranks: a.ranks, seqlets: [] } });
      for (const idx of a.scanned) scanned?.add(idx);
    }
    o.inFlight?.release(task.progress);
    // Scan-only batches add no finished sequences to the progress count.
    o.onBatchDone(task.configs.length === 0 ? 0 : result.sequences.length, result.computeMs);
  };
  return job;
}
