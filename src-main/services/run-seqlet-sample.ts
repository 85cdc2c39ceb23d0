// A run's seqlet nulls (engine/seqlets/null-sample.ts): each explanation's null is built from its
// relevance on the input's first sequences, so a sequence's seqlets do not depend on its batch,
// the number of workers or a resume. Explanations whose sample is stored get their null at once.
// The others wait for the sample's batches: those are explained without seqlets and stored as
// each is done (relevance, predictions, metrics, motif hits), as any batch, so a kill or a Cancel
// loses at most the batches in flight. Once the last one is stored, the nulls are built from the
// cache in the worker pool (engine/pool/seqlet-null-task.ts: this thread reads the blobs, the
// workers decode them and build the nulls), and the job (run-job.ts) calls the sample's seqlets in
// annotation-only batches from the cached relevance, as it does for any stored sequence without
// seqlets after a resume. The run's other batches wait for the nulls.
import type { ExplainTask, ExplainTaskResult, SeqletNullsOf } from '../engine/pool/explain-task';
import type { SeqletNullTask } from '../engine/pool/seqlet-null-task';
import { seqletNullTask } from '../engine/pool/seqlet-null-task';
import { NULL_SAMPLE_SEQUENCES, nullSampleSize, type SeqletNulls } from '../engine/seqlets/null-sample';
import type { RunExplanation } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';
import { yieldToEventLoop } from './yield-to-event-loop';

/** Blobs read per turn of the event loop (a whole sample of 1,024 took 30–90 ms in one query). */
const READ_CHUNK_BLOBS = 256;

/** Builds one explanation's nulls from its packed sample (the run service runs it in the worker pool). */
export type BuildSeqletNulls = (task: SeqletNullTask) => Promise<SeqletNulls>;

export class RunSeqletSample {
  /** Sequences with idx < end form the sample. */
  readonly end: number;
  private readonly nulls = new Map<string, SeqletNullsOf>();
  /** Sample sequences still to be stored (for some explanation), and those not yet in a batch. */
  private readonly pending: Set<number>;
  private readonly toHandOut: Set<number>;
  private readonly sampleTasks = new WeakSet<ExplainTask>();
  /** The nulls being built (once the whole sample is stored); `ready` once they are. */
  private building: Promise<void> | null = null;
  private built = false;

  /**
   * `missingFor`: the explanations without a stored result of a sequence; `needsNull`: whether
   * an explanation has sequences to explain or seqlets to call.
   */
  constructor(
    private readonly cache: RunCache,
    inputSha: string,
    private readonly explanations: RunExplanation[],
    missingFor: (idx: number) => RunExplanation[],
    private readonly needsNull: (e: RunExplanation) => boolean,
    private readonly buildNulls: BuildSeqletNulls,
    maxSequences = NULL_SAMPLE_SEQUENCES,
  ) {
    this.end = nullSampleSize(cache.sequenceNames(inputSha, 0, maxSequences).map((s) => s.lengthBp), maxSequences);
    this.pending = new Set();
    for (let idx = 0; idx < this.end; idx++) if (missingFor(idx).length > 0) this.pending.add(idx);
    this.toHandOut = new Set(this.pending);
  }

  /** Whether every sample sequence is stored (for every explanation), so the nulls can be built. */
  get sampleStored(): boolean {
    return this.pending.size === 0;
  }

  /** Whether every explanation's null is known. */
  get ready(): boolean {
    return this.built;
  }

  /** Whether every sample sequence is in a batch, so the next batch has to wait for the nulls. */
  get allHandedOut(): boolean {
    return this.toHandOut.size === 0;
  }

  /** Marks a batch of sample sequences: explained without seqlets, which are called once the sample is stored. */
  handOut(task: ExplainTask): void {
    for (const s of task.sequences) this.toHandOut.delete(s.idx);
    this.sampleTasks.add(task);
  }

  isSampleTask(task: ExplainTask): boolean {
    return this.sampleTasks.has(task);
  }

  /** The nulls a batch calling these explanations' seqlets sends its worker, by config id. */
  nullsFor(explIds: Iterable<string>): Record<string, SeqletNullsOf> {
    const out: Record<string, SeqletNullsOf> = {};
    for (const id of explIds) {
      const n = this.nulls.get(id);
      if (!n) throw new Error(`seqlet null of explanation ${id} asked for before its sample was stored`);
      out[id] = n;
    }
    return out;
  }

  /** A sample batch is stored: once the whole sample is, resolves when the nulls are built. */
  async stored(result: ExplainTaskResult): Promise<void> {
    for (const s of result.sequences) this.pending.delete(s.idx);
    if (this.sampleStored) await this.whenReady();
  }

  /** Builds the nulls once the sample is stored (the same build for every caller); rejects when a worker fails. */
  whenReady(): Promise<void> {
    if (!this.sampleStored) throw new Error('seqlet nulls asked for before the sample was stored');
    this.building ??= this.build();
    return this.building;
  }

  /**
   * One pool task per explanation, handed out as each sample is read, so several workers build
   * side by side; this thread yields between reads of READ_CHUNK_BLOBS blobs.
   */
  private async build(): Promise<void> {
    const builds: Promise<void>[] = [];
    for (const e of this.explanations) {
      if (this.nulls.has(e.explId) || !this.needsNull(e)) continue;
      const stored: Uint8Array[] = [];
      for (let from = 0; from < this.end; from += READ_CHUNK_BLOBS) {
        stored.push(...this.cache.relevanceBlobs(e.explKey, from, Math.min(this.end, from + READ_CHUNK_BLOBS)).map((r) => r.blob));
        await yieldToEventLoop();
      }
      if (stored.length !== this.end) throw new Error(`the seqlet sample of explanation ${e.explId} has ${stored.length} of ${this.end} results stored`);
      const build = this.buildNulls(seqletNullTask(stored)).then((nulls) => void this.nulls.set(e.explId, { key: e.explKey, nulls }));
      // Awaited below with the others; until then a failure must not count as unhandled.
      build.catch(() => undefined);
      builds.push(build);
    }
    await Promise.all(builds);
    this.built = true;
  }
}
