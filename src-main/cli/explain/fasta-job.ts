// `plrp explain` on the engine's worker pool: FASTA records become batches of ExplainTasks (the same
// tasks and worker the run service uses), and finished batches are handed back in file order so
// out.json streams in the order of the FASTA file, whatever order the workers finish in.
import type { BatchJob } from '../../engine/pool/batch-scheduler';
import type { ExplainTask, ExplainTaskResult, ExplainedSequence } from '../../engine/pool/explain-task';
import type { MetricName } from '../../engine/metrics/metric-names';
import type { UnknownEncoding } from '../../engine/genomics/one-hot';
import type { ExplainConfig } from '../../shared/explain-config';
import { AppError } from '../../shared/errors';
import { readFasta } from '../../engine/genomics/fasta';
import { BATCH_BASES, BATCH_SEQUENCES } from '../../services/run-job';
import { recordTooLong } from '../../engine/genomics/record-limit';
import type { InFlightProgress } from '../../engine/pool/in-flight-progress';
import type { SequenceGroundTruth } from '../../engine/metrics/ground-truth-outputs';
import type { GenomePlace } from '../../shared/run-api';

export interface RecordInfo {
  name: string;
  description: string;
  /** Genome coordinates when the record is a region of a chromosome (exports use them). */
  chrom?: string;
  offsetBp?: number;
  /** Upper-cased letters (kept until the record is emitted: motifs and seqlets need them). */
  sequence: string;
}

/** A record to explain: a FASTA record, or a region cut from an indexed FASTA. */
export interface SourceRecord {
  index: number;
  name: string;
  description: string;
  sequence: string;
  headerLine: number;
  chrom?: string;
  offsetBp?: number;
  /** A region's origin (`peaks.bed:3`, `--region chr1:1-200`), for messages in place of the header line. */
  origin?: string;
}

export interface FastaJobOptions {
  fastaPath: string;
  /** Records to explain; default: every record of `fastaPath`. */
  records?: AsyncIterable<SourceRecord>;
  modelPath: string;
  modelSha256: string;
  configs: ExplainConfig[];
  targetOf: (name: string) => number;
  /** `place`: where a region lies on its chromosome (a ground-truth BED may be in genome coordinates). */
  groundTruthOf: (name: string, lengthBp: number, place?: GenomePlace) => SequenceGroundTruth;
  metrics: MetricName[];
  layerRelevance: boolean;
  unknown: UnknownEncoding;
  layout?: 'NCL' | 'NLC';
  reverseComplement: boolean;
  /** Sequences per task: at most the model's memory-safe batch (ModelInfo.batchLimit), and fewer for small inputs so every worker gets some (batchSequencesFor). */
  maxSequencesPerBatch: number;
  /** Names must be unique (they key a target map or ground truth): a duplicate is an error. */
  uniqueNames: boolean;
  signal: AbortSignal;
  /** Called with finished sequences in FASTA order. */
  emit: (info: RecordInfo, seq: ExplainedSequence) => Promise<void>;
  /** Where the tasks in flight report how far they are. */
  inFlight?: InFlightProgress;
  /** Called as each batch finishes computing (before its sequences wait for their turn in `emit`). */
  onComputed?: (sequences: number) => void;
}

export function createFastaJob(o: FastaJobOptions): BatchJob<ExplainTask, ExplainTaskResult> {
  const records = (o.records ?? readFasta(o.fastaPath))[Symbol.asyncIterator]();
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  const infos = new Map<number, RecordInfo>();
  const finished = new Map<number, ExplainedSequence>();
  let nextToEmit = 0;
  let lookahead: SourceRecord | null = null;
  let exhausted = false;
  const firstLineOf = new Map<string, number>();

  const read = async (): Promise<SourceRecord | null> => {
    if (lookahead) {
      const r = lookahead;
      lookahead = null;
      return r;
    }
    if (exhausted) return null;
    const { value, done } = await records.next();
    if (done) { exhausted = true; return null; }
    if (value.sequence.length === 0) throw new AppError('BAD_FASTA', `${o.fastaPath}: record '${value.name}' (line ${value.headerLine}) is empty`);
    // Regions were checked against the limit when they were resolved (engine/genomics/region.ts).
    const tooLong = !('origin' in value) || value.origin === undefined ? recordTooLong(value.name, value.sequence.length, `${o.fastaPath}, line ${value.headerLine}`) : null;
    if (tooLong) throw new AppError('RESOURCE_LIMIT', tooLong);
    if (o.uniqueNames) {
      const first = firstLineOf.get(value.name);
      if (first !== undefined) {
        throw new AppError('BAD_FASTA', `${o.fastaPath}: record name '${value.name}' appears twice (lines ${first} and ${value.headerLine}); names must be unique when they key a target map or ground truth`);
      }
      firstLineOf.set(value.name, value.headerLine);
    }
    return value;
  };

  return {
    signal: o.signal,
    cancelFlag,
    describe: (t) => `sequences ${t.sequences[0].idx + 1}–${t.sequences[t.sequences.length - 1].idx + 1}`,
    next: async () => {
      const sequences: ExplainTask['sequences'] = [];
      let bases = 0;
      while (sequences.length < Math.min(BATCH_SEQUENCES, o.maxSequencesPerBatch) && bases < BATCH_BASES) {
        const rec = await read();
        if (!rec) break;
        if (sequences.length > 0 && bases + rec.sequence.length > BATCH_BASES) { lookahead = rec; break; }
        infos.set(rec.index, { name: rec.name, description: rec.description, sequence: rec.sequence, chrom: rec.chrom, offsetBp: rec.offsetBp });
        sequences.push({ idx: rec.index, letters: rec.sequence, groundTruth: o.groundTruthOf(rec.name, rec.sequence.length, rec.chrom === undefined ? undefined : { chrom: rec.chrom, startBp: rec.offsetBp ?? 0 }), target: o.targetOf(rec.name) });
        bases += rec.sequence.length;
      }
      if (sequences.length === 0) return null;
      return {
        modelPath: o.modelPath, modelSha256: o.modelSha256, sequences, configs: o.configs, target: 'predicted',
        metrics: o.metrics, layerRelevance: o.layerRelevance ? {} : undefined, unknown: o.unknown, layout: o.layout,
        reverseComplement: o.reverseComplement, cancelFlag, progress: o.inFlight?.track(sequences.length),
      };
    },
    persist: async (task, result) => {
      o.inFlight?.release(task.progress);
      o.onComputed?.(result.sequences.length);
      for (const s of result.sequences) finished.set(s.idx, s);
      while (finished.has(nextToEmit)) {
        const seq = finished.get(nextToEmit)!;
        finished.delete(nextToEmit);
        const info = infos.get(nextToEmit)!;
        infos.delete(nextToEmit);
        nextToEmit++;
        await o.emit(info, seq);
      }
    },
  };
}
