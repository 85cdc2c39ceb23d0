// Turns a run into a stream of batches for the pool: walks the run's sequences in order, skips the
// ones every explanation already has (cache reuse, resume), and asks the worker only for the
// explanations a batch is missing. Each finished batch is written in one transaction, so a killed
// process loses at most the batches in flight. With motifs, each sequence is also scanned once per
// run (hits weighted by every explanation, cached ones sent along), or given the hits of an earlier
// run's scan of the same input to weight. Seqlets are called against the run's null sample
// (./run-seqlet-sample.ts). Stored sequences that only lack annotations (the scan, or an
// explanation's seqlets) go in annotation-only batches from their cached relevance: the null
// sample's as soon as the sample is stored, the others after the explain pass.
import type { BatchJob } from '../engine/pool/batch-scheduler';
import type { ExplainTask, ExplainTaskResult, KnownHit } from '../engine/pool/explain-task';
import type { MetricName } from '../engine/metrics/metric-names';
import type { AnnotationWrite, ResultWrite, RunExplanation, StoredRun, StoredSequence } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';
import type { InFlightProgress } from '../engine/pool/in-flight-progress';
import type { LayerWrite } from './cache/cache-types';
import { LAYER_WINDOWS, wantsLayers } from './cache/layer-store';
import { nonFiniteRelevanceMessage, sequenceWarnings } from '../engine/explain/sequence-warnings';
import { magnifiedRelevanceWarning } from '../engine/explain/pruning-warnings';
import { MAX_BATCH_SEQUENCES, type GenomePlace } from '../shared/run-api';
import type { SequenceGroundTruth } from '../engine/metrics/ground-truth-outputs';
import { RunSeqletSample } from './run-seqlet-sample';

/** A batch closes at this many sequences or bases, whichever comes first (the seqlet null's sample has the same bounds, null-sample.ts). */
export const BATCH_SEQUENCES = MAX_BATCH_SEQUENCES;
export const BATCH_BASES = 256_000;
/** How often a batch past the seqlet sample checks whether the sample's batches are stored. */
const SAMPLE_POLL_MS = 20;
/** Sequences read from the cache per query while batches fill. */
const READ_AHEAD = 512;
/** Fewest sequences per batch when a small input is split across workers. */
export const MIN_BATCH_SEQUENCES = 64;

/**
 * Sequences per batch for `count` sequences on `workers` workers: BATCH_SEQUENCES, or fewer when
 * that would leave workers idle (1,000 sequences on 7 workers go as 7 batches of 143).
 */
export function batchSequencesFor(count: number, workers: number): number {
  return Math.min(BATCH_SEQUENCES, Math.max(MIN_BATCH_SEQUENCES, Math.ceil(count / Math.max(1, workers))));
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
}

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
  const sample = new RunSeqletSample(o.cache, o.run.inputSha, o.explanations, missingFor, (e) => called.get(e.explId)!.size < o.sequenceCount, o.seqletSampleSequences);
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
  /** Resolves true once the sample's batches are stored (the nulls known), false when the run stops first. */
  const sampleStored = async (): Promise<boolean> => {
    while (!sample.ready) {
      if (Atomics.load(cancelFlag, 0) !== 0 || o.signal.aborted) return false;
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_POLL_MS));
    }
    return true;
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
      for (const s of seqs) {
        // (Batches before the nulls are known hold sample sequences to explain only.)
        const unannotated = sample.ready ? seqletsMissing(s.idx) : [];
        for (const e of unannotated) seqletIds.add(e.explId);
        // Hits are weighted by every run explanation: send the cached ones the worker will not compute.
        const cached = scans ? o.explanations.filter((e) => !configIds.has(e.explId)) : unannotated;
        if (cached.length > 0) s.cachedRelevance = Object.fromEntries(cached.map((e) => [e.explId, o.cache.readResult(e.explKey, s.idx)!.relevance]));
        if (needsScan(s.idx)) s.knownHits = o.knownHits?.(s.idx) ?? undefined;
      }
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
    persist: (task, result) => {
      store(task, result);
      if (sample.isSampleTask(task)) sample.stored(result);
    },
  };

  /** Writes one batch in one transaction. */
  const store = (task: ExplainTask, result: ExplainTaskResult): void => {
      const results: { explKey: string; row: ResultWrite }[] = [];
      const layers: LayerWrite[] = [];
      const warnings: { explKey: string; idx: number; message: string }[] = [];
      // Stores every worker's batches, so its time per sequence bounds a run on many cores: maps and
      // plain objects here, no find per sequence, object spread or string keys per seqlet.
      const lettersOf = new Map(task.sequences.map((x) => [x.idx, x.letters]));
      /** explKey → sequences whose result this batch adds. */
      const fresh = new Map<string, Set<number>>();
      for (const s of result.sequences) {
        const name = names.get(s.idx) ?? `#${s.idx + 1}`;
        const letters = lettersOf.get(s.idx) ?? '';
        const fromLetters = sequenceWarnings(name, letters, o.windowBp);
        for (const e of s.explanations) {
          const explKey = keyById.get(e.configId)!;
          if (done.get(e.configId)!.has(s.idx)) continue;
          // The worker made the blob and the numbers: every task of this job asks for them (storeForCache).
          const stored = e.stored!;
          results.push({ explKey, row: { idx: s.idx, target: s.target, lengthBp: s.lengthBp, relevance: e.relevance, blob: stored.blob, diagnostics: e.diagnostics,
            metrics: e.metrics as Record<string, number>, sum: stored.sum, absSum: stored.absSum, min: stored.min, max: stored.max } });
          const added = fresh.get(explKey) ?? new Set<number>();
          fresh.set(explKey, added.add(s.idx));
          const nonFinite = stored.finite ? null : nonFiniteRelevanceMessage(name, e.configId);
          const magnified = magnifiedRelevanceWarning(name, e.configId, e.diagnostics);
          for (const message of [...fromLetters, nonFinite, magnified]) if (message) warnings.push({ explKey, idx: s.idx, message });
          // The task returned layers for the selected sequences and windows only (an empty list for the others).
          e.layerRelevance?.forEach((points, window) =>
            points.forEach((l, position) => layers.push({ explKey, idx: s.idx, window, position, point: l.point, shape: l.shape, before: l.before, after: l.after })));
        }
        names.delete(s.idx);
      }
      const a = result.annotations;
      // Seqlets of the results this batch adds, and of stored results whose seqlets were still to call.
      const seqlets: AnnotationWrite['seqlets'] = [];
      for (const q of a?.seqlets ?? []) {
        const explKey = keyById.get(q.configId)!;
        if (fresh.get(explKey)?.has(q.idx) || !called.get(q.configId)!.has(q.idx)) seqlets.push({ explKey, idx: q.idx, count: q.count, seqletsJson: q.seqletsJson });
      }
      const annotations: AnnotationWrite | undefined = a && { runId: o.run.id, scanned: a.scanned, hits: a.hits, ranks: a.ranks, seqlets };
      o.cache.writeBatch({
        modelSha: o.run.modelSha,
        inputSha: o.run.inputSha,
        predictions: result.sequences.filter((s) => s.output.length > 0).map((s) => ({ idx: s.idx, output: s.output, logits: s.logits })),
        results,
        annotations,
        layers,
        warnings,
      });
      for (const { explKey, row } of results) {
        for (const e of o.explanations) if (e.explKey === explKey) done.get(e.explId)!.add(row.idx);
      }
      for (const idx of a?.scanned ?? []) scanned?.add(idx);
      for (const q of seqlets) for (const e of o.explanations) if (e.explKey === q.explKey) called.get(e.explId)!.add(q.idx);
      o.inFlight?.release(task.progress);
      // Scan-only batches add no finished sequences to the progress count.
      o.onBatchDone(task.configs.length === 0 ? 0 : result.sequences.length, result.computeMs);
  };
  return job;
}
