// Turns a run into a stream of batches for the pool: walks the run's sequences in order, skips the
// ones every explanation already has (cache reuse, resume), and asks the worker only for the
// explanations a batch is missing. Each finished batch is written in one transaction, so a killed
// process loses at most the batches in flight.
import type { BatchJob } from '../engine/pool/batch-scheduler';
import type { ExplainTask, ExplainTaskResult } from '../engine/pool/explain-task';
import type { MetricName } from '../engine/metrics/metric-names';
import type { ResultRow, RunExplanation, StoredRun } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';

/** A batch closes at this many sequences or bases, whichever comes first. */
export const BATCH_SEQUENCES = 64;
export const BATCH_BASES = 256_000;
const READ_AHEAD = 512;

export interface RunJobOptions {
  cache: RunCache;
  run: StoredRun;
  explanations: RunExplanation[];
  sequenceCount: number;
  groundTruth: (name: string, lengthBp: number) => Uint8Array | null;
  signal: AbortSignal;
  onBatchDone: (sequences: number, computeMs: number) => void;
  onNotice: (message: string) => void;
}

export function createRunJob(o: RunJobOptions): BatchJob<ExplainTask, ExplainTaskResult> {
  const done = new Map(o.explanations.map((e) => [e.explId, o.cache.doneIndices(e.explKey)]));
  const keyById = new Map(o.explanations.map((e) => [e.explId, e.explKey]));
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  let cursor = 0;
  let buffer: ReturnType<RunCache['readSequences']> = [];

  const missingFor = (idx: number): RunExplanation[] => o.explanations.filter((e) => !done.get(e.explId)!.has(idx));

  return {
    signal: o.signal,
    cancelFlag,
    notice: o.onNotice,
    describe: (t) => `sequences ${t.sequences[0].idx + 1}–${t.sequences[t.sequences.length - 1].idx + 1}`,
    next: async () => {
      const seqs: ExplainTask['sequences'] = [];
      const configIds = new Set<string>();
      let bases = 0;
      while (seqs.length < BATCH_SEQUENCES && bases < BATCH_BASES) {
        if (buffer.length === 0) {
          if (cursor >= o.sequenceCount) break;
          buffer = o.cache.readSequences(o.run.inputSha, cursor, cursor + READ_AHEAD);
          cursor += READ_AHEAD;
          continue;
        }
        const s = buffer.shift()!;
        const missing = missingFor(s.idx);
        if (missing.length === 0) continue;
        for (const e of missing) configIds.add(e.explId);
        seqs.push({ idx: s.idx, letters: s.letters, groundTruth: o.groundTruth(s.name, s.lengthBp) });
        bases += s.lengthBp;
      }
      if (seqs.length === 0) return null;
      return {
        modelPath: o.run.request.modelPath,
        modelSha256: o.run.modelSha,
        sequences: seqs,
        configs: o.explanations.filter((e) => configIds.has(e.explId)).map((e) => e.config),
        target: o.run.target,
        metrics: o.run.request.metrics as MetricName[],
        cancelFlag,
      };
    },
    persist: (_task, result) => {
      const results: { explKey: string; row: ResultRow }[] = [];
      for (const s of result.sequences) {
        for (const e of s.explanations) {
          const explKey = keyById.get(e.configId)!;
          if (done.get(e.configId)!.has(s.idx)) continue;
          results.push({ explKey, row: { idx: s.idx, target: s.target, lengthBp: s.lengthBp, relevance: e.relevance, diagnostics: e.diagnostics, metrics: e.metrics as Record<string, number>, ...stats(e.relevance) } });
        }
      }
      o.cache.writeBatch({
        modelSha: o.run.modelSha,
        inputSha: o.run.inputSha,
        predictions: result.sequences.map((s) => ({ idx: s.idx, output: s.output, logits: s.logits })),
        results,
      });
      for (const { explKey, row } of results) {
        for (const e of o.explanations) if (e.explKey === explKey) done.get(e.explId)!.add(row.idx);
      }
      o.onBatchDone(result.sequences.length, result.computeMs);
    },
  };
}

function stats(relevance: Float32Array): { sum: number; absSum: number; min: number; max: number } {
  let sum = 0;
  let absSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < relevance.length; i += 4) {
    const r = relevance[i] + relevance[i + 1] + relevance[i + 2] + relevance[i + 3];
    sum += r;
    absSum += Math.abs(r);
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return { sum, absSum, min: min === Infinity ? 0 : min, max: max === -Infinity ? 0 : max };
}
