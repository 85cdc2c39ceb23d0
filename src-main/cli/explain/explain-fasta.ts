// Explains every record of a FASTA file in batches of model windows: records longer than the model
// input are tiled (relevance averaged over covering windows), shorter ones centred and padded.
// Records stream in and out, so memory depends on the batch, not on the file.
import type { ExplainConfig } from '../../shared/explain-config';
import { AppError } from '../../shared/errors';
import type { ExplainableModel, PruningDiagnostics, LayerRelevance } from '../../engine/explain/types';
import { readFasta, type FastaRecord } from '../../engine/genomics/fasta';
import { encodeWindow, mergeWindows, windowStarts } from '../../engine/pool/tiling';
import type { UnknownEncoding } from '../../engine/genomics/one-hot';
import { targetFor, type TargetChoice } from './targets-option';

export interface ExplainedRecord {
  index: number;
  name: string;
  description: string;
  lengthBp: number;
  windows: number;
  /** Bases of padding added on the left when the record is shorter than the model input. */
  paddedLeftBp: number;
  target: number;
  logit: number;
  output: number[];
  relevance: Record<string, Float32Array>;
  diagnostics: Record<string, PruningDiagnostics[][]>;
  layerRelevance?: Record<string, LayerRelevance[][]>;
}

export interface ExplainFastaOptions {
  configs: ExplainConfig[];
  target: TargetChoice;
  batchWindows: number;
  unknown: UnknownEncoding;
  layerRelevance: boolean;
  signal?: AbortSignal;
}

interface Pending { record: FastaRecord; starts: number[]; target: number }

export async function* explainFasta(model: ExplainableModel, fastaPath: string, o: ExplainFastaOptions): AsyncGenerator<ExplainedRecord> {
  const windowBp = model.info.lengthBp;
  if (windowBp <= 0) throw new AppError('BAD_MODEL', `${model.info.path}: the model input has no fixed length; give one in the model settings`);
  let pending: Pending[] = [];
  let windows = 0;
  for await (const record of readFasta(fastaPath)) {
    if (o.signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
    if (record.sequence.length === 0) throw new AppError('BAD_FASTA', `${fastaPath}: record '${record.name}' (line ${record.headerLine}) is empty`);
    pending.push({ record, starts: windowStarts(record.sequence.length, windowBp), target: targetFor(o.target, record.name) });
    windows += pending[pending.length - 1].starts.length;
    if (windows >= o.batchWindows) {
      yield* await explainBatch(model, pending, windowBp, o);
      pending = [];
      windows = 0;
    }
  }
  if (pending.length) yield* await explainBatch(model, pending, windowBp, o);
}

async function explainBatch(model: ExplainableModel, batch: Pending[], windowBp: number, o: ExplainFastaOptions): Promise<ExplainedRecord[]> {
  const n = batch.reduce((s, p) => s + p.starts.length, 0);
  const onehot = new Float32Array(n * windowBp * 4);
  let slot = 0;
  for (const p of batch) for (const start of p.starts) encodeWindow(p.record.sequence, start, windowBp, onehot, slot++, o.unknown);
  const targets = await windowTargets(model, batch, onehot, n);
  const res = await model.explain(onehot, n, o.configs, targets, { signal: o.signal, layerRelevance: o.layerRelevance });
  const k = model.info.outputSize;
  const out: ExplainedRecord[] = [];
  slot = 0;
  for (const p of batch) {
    const w = p.starts.length;
    const first = slot;
    slot += w;
    const output = new Array<number>(k).fill(0);
    let logit = 0;
    for (let s = first; s < first + w; s++) {
      for (let j = 0; j < k; j++) output[j] += res.output[s * k + j] / w;
      logit += res.logits[s * k + res.targets[s]] / w;
    }
    const relevance: Record<string, Float32Array> = {};
    const diagnostics: Record<string, PruningDiagnostics[][]> = {};
    const layers: Record<string, LayerRelevance[][]> = {};
    for (const c of o.configs) {
      const all = res.relevance[c.id];
      const perWindow = p.starts.map((_, i) => all.subarray((first + i) * windowBp * 4, (first + i + 1) * windowBp * 4));
      relevance[c.id] = mergeWindows(p.record.sequence.length, windowBp, p.starts, perWindow);
      diagnostics[c.id] = res.diagnostics[c.id].slice(first, first + w);
      if (res.layerRelevance) layers[c.id] = res.layerRelevance[c.id].slice(first, first + w);
    }
    out.push({
      index: p.record.index, name: p.record.name, description: p.record.description,
      lengthBp: p.record.sequence.length, windows: w, paddedLeftBp: Math.max(0, -p.starts[0]),
      target: res.targets[first], logit, output, relevance, diagnostics,
      layerRelevance: res.layerRelevance ? layers : undefined,
    });
  }
  return out;
}

/** Tiled records explain one target in every window: the argmax of the window-averaged logits. */
async function windowTargets(model: ExplainableModel, batch: Pending[], onehot: Float32Array, n: number): Promise<Int32Array> {
  const targets = new Int32Array(n);
  const needPrediction = batch.some((p) => p.target < 0 && p.starts.length > 1);
  const logits = needPrediction ? (await model.predict(onehot, n)).logits : null;
  const k = model.info.outputSize;
  let slot = 0;
  for (const p of batch) {
    let t = p.target;
    if (t < 0 && logits && p.starts.length > 1) {
      const mean = new Array<number>(k).fill(0);
      for (let s = slot; s < slot + p.starts.length; s++) for (let j = 0; j < k; j++) mean[j] += logits[s * k + j];
      t = mean.indexOf(Math.max(...mean));
    }
    targets.fill(t, slot, slot + p.starts.length);
    slot += p.starts.length;
  }
  return targets;
}
