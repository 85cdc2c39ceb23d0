// A run's seqlet nulls (engine/seqlets/null-sample.ts): each explanation's null is built from its
// relevance on the input's first sequences, so a sequence's seqlets do not depend on its batch,
// the number of workers or a resume. Explanations whose sample is stored get their null at once.
// The others wait for the sample's batches: those are explained without seqlets and stored as
// each is done (relevance, predictions, metrics, motif hits), as any batch, so a kill or a Cancel
// loses at most the batches in flight. Once the last one is stored, the nulls are built from the
// cache, and the job (run-job.ts) calls the sample's seqlets in annotation-only batches from the
// cached relevance, as it does for any stored sequence without seqlets after a resume. The run's
// other batches wait for the nulls.
import type { ExplainTask, ExplainTaskResult, SeqletNullsOf } from '../engine/pool/explain-task';
import { observedFromChannels } from '../engine/genomics/observed-base';
import { NULL_SAMPLE_SEQUENCES, nullSampleSize, seqletNulls } from '../engine/seqlets/null-sample';
import type { RunExplanation } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';

export class RunSeqletSample {
  /** Sequences with idx < end form the sample. */
  readonly end: number;
  private readonly nulls = new Map<string, SeqletNullsOf>();
  /** Sample sequences still to be stored (for some explanation), and those not yet in a batch. */
  private readonly pending: Set<number>;
  private readonly toHandOut: Set<number>;
  private readonly sampleTasks = new WeakSet<ExplainTask>();

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
    maxSequences = NULL_SAMPLE_SEQUENCES,
  ) {
    this.end = nullSampleSize(cache.sequenceNames(inputSha, 0, maxSequences).map((s) => s.lengthBp), maxSequences);
    this.pending = new Set();
    for (let idx = 0; idx < this.end; idx++) if (missingFor(idx).length > 0) this.pending.add(idx);
    this.toHandOut = new Set(this.pending);
    if (this.ready) this.buildNulls();
  }

  /** Whether every explanation's null is known (every sample sequence stored). */
  get ready(): boolean {
    return this.pending.size === 0;
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

  /** A sample batch is stored: once the whole sample is, the nulls are built from the cache. */
  stored(result: ExplainTaskResult): void {
    if (this.ready) return;
    for (const s of result.sequences) this.pending.delete(s.idx);
    if (this.ready) this.buildNulls();
  }

  private buildNulls(): void {
    for (const e of this.explanations) {
      if (this.nulls.has(e.explId) || !this.needsNull(e)) continue;
      const tracks = Array.from({ length: this.end }, (_, idx) => observedFromChannels(this.cache.readResult(e.explKey, idx)!.relevance));
      this.nulls.set(e.explId, { key: e.explKey, nulls: seqletNulls(tracks) });
    }
  }
}
