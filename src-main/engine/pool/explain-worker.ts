// The pool's explain task, run inside a worker thread: opens the model once per worker (sessions
// stay warm, keyed by the model file's sha256), fits each sequence to the model input (./tiling),
// explains the batch with every missing config, computes the requested metrics and moves the
// typed arrays back. With `annotate`, it also annotates the batch (./annotate-batch: motif hits
// weighted by every run explanation, seqlets). Never touches the database: the service persists
// what this returns. The pool's other task, a run explanation's seqlet null, is ./seqlet-null-task.
import { workerData } from 'piscina';
import { openModel } from '../explain/open-model';
import { windowsPerCall } from '../explain/model-probe';
import type { ExplainableModel, ExplainBatchResult, LayerRelevance } from '../explain/types';
import { computeMetrics } from '../metrics/compute-metrics';
import { DEFAULT_METRICS_SEED, deriveSeed } from '../metrics/rng';
import { encodeOneHot } from '../genomics/one-hot';
import { annotateBatch, motifSet } from './annotate-batch';
import type { ExplainedSequence, ExplainTask, ExplainTaskResult } from './explain-task';
import { checkCancelled, isCancelled } from './task-cancel';
import { rankShareBuffers } from './rank-shares';
import { storeForCache } from './stored-relevance';
import { runWorkerTask } from './task-outcome';
import { isSeqletNullTask, seqletNullsOfTask, type SeqletNullTask } from './seqlet-null-task';
import { TaskProgress } from './task-progress';
import { batchWindows, encodeWindow, mergeWindows, type BatchWindows, type WindowRef } from './tiling';
import { groundTruthForTarget } from '../metrics/ground-truth-outputs';

const CANCEL_POLL_MS = 10;

const models = new Map<string, Promise<ExplainableModel>>();
const intraOpThreads = (workerData as { intraOpThreads?: number } | undefined)?.intraOpThreads ?? 1;

function model(path: string, sha256: string, layout?: 'NCL' | 'NLC'): Promise<ExplainableModel> {
  const key = `${sha256}:${layout ?? 'auto'}`;
  let m = models.get(key);
  if (!m) {
    m = openModel(path, { intraOpThreads, layout });
    models.set(key, m);
    m.catch(() => models.delete(key));
  }
  return m;
}

export default async function poolTask(task: ExplainTask | SeqletNullTask): Promise<unknown> {
  return isSeqletNullTask(task) ? runWorkerTask(async () => seqletNullsOfTask(task)) : explainTask(task);
}

async function explainTask(task: ExplainTask): Promise<unknown> {
  return runWorkerTask(async () => {
    const started = performance.now();
    const controller = new AbortController();
    const poll = setInterval(() => {
      if (isCancelled(task)) controller.abort();
    }, CANCEL_POLL_MS);
    try {
      // A task with no configs only annotates sequences whose explanations are all cached.
      const m = task.configs.length === 0 ? null : await model(task.modelPath, task.modelSha256, task.layout);
      const a = task.annotate;
      const motifs = a?.motifsPath ? await motifSet(a.motifsPath, a.motifsSha256 ?? a.motifsPath) : [];
      const windows = m ? batchWindows(task.sequences.map((s) => s.letters.length), Math.max(0, m.info.lengthBp)) : null;
      const progress = new TaskProgress(task.progress, {
        explain: m && windows ? ortCalls(m, windows) : 0,
        metrics: task.metrics.length > 0 ? task.sequences.length * task.configs.length : 0,
        scan: task.sequences.some((s) => !s.knownHits) ? motifs.length : 0,
        seqlets: a?.seqletNulls ? Object.keys(a.seqletNulls).length : 0,
      });
      const sequences = m && windows
        ? await explainSequences(m, task, windows, progress, controller.signal)
        : task.sequences.map((s) => ({ idx: s.idx, lengthBp: s.letters.length, output: new Float32Array(0), logits: new Float32Array(0), target: -1, explanations: [] }));
      checkCancelled(task);
      const annotations = task.annotate ? annotateBatch(task, sequences, motifs, progress) : undefined;
      progress.finish();
      const transfer: ArrayBuffer[] = [];
      if (task.storeForCache) transfer.push(storeForCache(sequences));
      const result: ExplainTaskResult = { sequences, annotations, computeMs: performance.now() - started };
      for (const s of sequences) {
        transfer.push(s.output.buffer as ArrayBuffer, s.logits.buffer as ArrayBuffer);
        for (const e of s.explanations) if (!e.stored) transfer.push(e.relevance.buffer as ArrayBuffer);
      }
      if (annotations) transfer.push(...rankShareBuffers(annotations.ranks));
      return { value: result, transfer };
    } finally {
      clearInterval(poll);
    }
  });
}

/** Which windows' layer relevance the task returns (ExplainTask.layerRelevance). */
function layerFilter(task: ExplainTask): (w: WindowRef) => boolean {
  const selection = task.layerRelevance;
  if (!selection) return () => false;
  const sequences = selection.sequences && new Set(selection.sequences);
  const wanted = task.sequences.map((s) => !sequences || sequences.has(s.idx));
  const windows = selection.windowsPerSequence ?? Number.POSITIVE_INFINITY;
  return (w) => wanted[w.seq] && w.ordinal < windows;
}

/** ORT calls that explain a batch's windows: the explain phase's steps. */
function ortCalls(m: ExplainableModel, windows: BatchWindows): number {
  let calls = 0;
  for (const [windowBp, refs] of windows.groups) calls += Math.ceil(refs.length / windowsPerCall(m.info, windowBp));
  return calls;
}

async function explainSequences(m: ExplainableModel, task: ExplainTask, windows: BatchWindows, progress: TaskProgress, signal: AbortSignal): Promise<ExplainedSequence[]> {
  const { groups, bySequence: startsBySeq } = windows;
  const K = m.info.outputSize;
  progress.begin('explain');
  const targets = await resolveTargets(m, task, startsBySeq, groups, K);
  const wantsLayers = layerFilter(task);
  const windowOut = task.sequences.map((_, seq) => ({
    relevance: new Map<string, Float32Array[]>(task.configs.map((c) => [c.id, []])),
    diagnostics: new Map<string, ExplainBatchResult['diagnostics'][string]>(task.configs.map((c) => [c.id, []])),
    layers: new Map<string, LayerRelevance[][]>(task.configs.map((c) => [c.id, []])),
    output: new Float64Array(K),
    logits: new Float64Array(K),
    windows: startsBySeq[seq].starts.length,
  }));
  for (const [windowBp, refs] of groups) {
    // Windows per ORT call: ≤ 64 to amortise call overhead, ≤ the model's memory-safe batch.
    const perCall = windowsPerCall(m.info, windowBp);
    for (let from = 0; from < refs.length; from += perCall) {
      checkCancelled(task);
      const chunk = refs.slice(from, from + perCall);
      const onehot = encodeChunk(task, chunk, windowBp);
      const t = Int32Array.from(chunk, (w) => targets[w.seq]);
      const layerRelevance = chunk.some(wantsLayers);
      const r = await m.explain(onehot, chunk.length, task.configs, t, { signal, layerRelevance, reverseComplement: task.reverseComplement });
      chunk.forEach((w, slot) => {
        const o = windowOut[w.seq];
        for (let k = 0; k < K; k++) {
          o.output[k] += r.output[slot * K + k] / o.windows;
          o.logits[k] += r.logits[slot * K + k] / o.windows;
        }
        if (targets[w.seq] < 0) targets[w.seq] = r.targets[slot];
        for (const c of task.configs) {
          o.relevance.get(c.id)!.push(r.relevance[c.id].slice(slot * windowBp * 4, (slot + 1) * windowBp * 4));
          o.diagnostics.get(c.id)!.push(r.diagnostics[c.id]?.[slot] ?? []);
          if (r.layerRelevance && wantsLayers(w)) o.layers.get(c.id)!.push(r.layerRelevance[c.id][slot]);
        }
      });
      progress.step();
    }
  }
  if (task.metrics.length > 0) progress.begin('metrics');
  const out: ExplainedSequence[] = [];
  for (let seq = 0; seq < task.sequences.length; seq++) {
    const s = task.sequences[seq];
    const o = windowOut[seq];
    const { windowBp, starts } = startsBySeq[seq];
    const explanations = [];
    for (const c of task.configs) {
      checkCancelled(task);
      const relevance = mergeWindows(s.letters.length, windowBp, starts, o.relevance.get(c.id)!);
      const metrics = task.metrics.length === 0 ? {} : await sequenceMetrics(m, task, seq, c.id, relevance, targets[seq], windowBp);
      if (task.metrics.length > 0) progress.step();
      explanations.push({ configId: c.id, relevance, diagnostics: o.diagnostics.get(c.id)!, metrics, layerRelevance: task.layerRelevance ? o.layers.get(c.id)! : undefined });
    }
    out.push({ idx: s.idx, lengthBp: s.letters.length, output: Float32Array.from(o.output), logits: Float32Array.from(o.logits), target: targets[seq], explanations });
  }
  return out;
}

/** Explicit targets per sequence; -1 (predicted) is resolved by the engine unless a sequence is tiled. */
async function resolveTargets(
  m: ExplainableModel,
  task: ExplainTask,
  startsBySeq: { windowBp: number; starts: number[] }[],
  groups: Map<number, WindowRef[]>,
  K: number,
): Promise<Int32Array> {
  const targets = Int32Array.from(task.sequences, (s) => s.target ?? (task.target === 'predicted' ? -1 : task.target));
  if (targets.every((t) => t >= 0)) return targets;
  // A tiled sequence must use one target in every window: the argmax of its mean logits.
  for (const [windowBp, refs] of groups) {
    const tiled = refs.filter((w) => startsBySeq[w.seq].starts.length > 1 && targets[w.seq] < 0);
    if (tiled.length === 0) continue;
    const sums = new Map<number, Float64Array>();
    const perCall = windowsPerCall(m.info, windowBp);
    for (let from = 0; from < tiled.length; from += perCall) {
      checkCancelled(task);
      const chunk = tiled.slice(from, from + perCall);
      const onehot = encodeChunk(task, chunk, windowBp);
      const { logits } = await m.predict(onehot, chunk.length);
      chunk.forEach((w, slot) => {
        const acc = sums.get(w.seq) ?? new Float64Array(K);
        for (let k = 0; k < K; k++) acc[k] += logits[slot * K + k];
        sums.set(w.seq, acc);
      });
    }
    for (const [seq, acc] of sums) {
      let best = 0;
      for (let k = 1; k < K; k++) if (acc[k] > acc[best]) best = k;
      targets[seq] = best;
    }
  }
  return targets;
}

async function sequenceMetrics(
  m: ExplainableModel,
  task: ExplainTask,
  seq: number,
  configId: string,
  relevance: Float32Array,
  target: number,
  windowBp: number,
): Promise<Record<string, unknown>> {
  const s = task.sequences[seq];
  const lengthBp = s.letters.length;
  const config = task.configs.find((c) => c.id === configId)!;
  // Model-dependent metrics perturb the whole input, so they need the sequence to be the model input.
  const modelFits = lengthBp === windowBp;
  const names = task.metrics.filter((n) => modelFits || (n !== 'lipschitz' && n !== 'faithfulness'));
  const K = m.info.outputSize;
  // Per sequence, so a sequence's stochastic metrics do not depend on its batch or run order.
  const seed = deriveSeed(task.metricsSeed ?? DEFAULT_METRICS_SEED, s.idx);
  const result = await computeMetrics(
    {
      relevance, onehot: encodeOneHot(s.letters), lengthBp, groundTruth: groundTruthForTarget(s.groundTruth, target),
      predictTargetLogit: async (batch, n) => {
        const { logits } = await m.predict(batch, n);
        return Float32Array.from({ length: n }, (_, i) => logits[i * K + target]);
      },
      explain: async (batch, n) => (await m.explain(batch, n, [config], new Int32Array(n).fill(target))).relevance[configId],
    },
    names,
    { seed },
  );
  const out: Record<string, unknown> = { ...result, seed };
  for (const n of task.metrics) if (!names.includes(n)) out[n] = null;
  return out;
}

/** One-hot [chunk.length, windowBp, 4] of the chunk's windows, in order. */
function encodeChunk(task: ExplainTask, chunk: readonly WindowRef[], windowBp: number): Float32Array {
  const onehot = new Float32Array(chunk.length * windowBp * 4);
  chunk.forEach((w, slot) => encodeWindow(task.sequences[w.seq].letters, w.start, windowBp, onehot, slot, task.unknown));
  return onehot;
}
