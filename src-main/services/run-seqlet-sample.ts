// A run's seqlet nulls (engine/seqlets/null-sample.ts): each explanation's null is built from its
// relevance on the input's first sequences, so a sequence's seqlets do not depend on its batch,
// the number of workers or a resume. Explanations whose sample is stored get their null at once.
// The others wait for the sample's batches: those are explained without seqlets and held in
// memory; when the last one is in, the nulls are built, the sample's seqlets called here, and the
// held batches stored with them (a killed run explains the sample again: at most 1,024 sequences).
// The run's other batches wait for the nulls.
import type { ExplainTask, ExplainTaskResult, SeqletNullsOf } from '../engine/pool/explain-task';
import { observedFromChannels } from '../engine/genomics/observed-base';
import { NULL_SAMPLE_SEQUENCES, nullSampleSize, seqletNulls } from '../engine/seqlets/null-sample';
import { callSeqlets, spanNullsOf, type SpanNulls } from '../engine/seqlets/seqlets';
import { seqletSets } from '../engine/export/seqlet-sets';
import type { RunExplanation } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';

type Held = { task: ExplainTask; result: ExplainTaskResult };

export class RunSeqletSample {
  /** Sequences with idx < end form the sample. */
  readonly end: number;
  private readonly nulls = new Map<string, SeqletNullsOf>();
  /** Sample sequences still to be explained (for some explanation), and those not yet in a batch. */
  private readonly pending: Set<number>;
  private readonly toHandOut: Set<number>;
  private readonly held: Held[] = [];
  private readonly sampleTasks = new WeakSet<ExplainTask>();

  constructor(
    private readonly cache: RunCache,
    inputSha: string,
    private readonly explanations: RunExplanation[],
    missingFor: (idx: number) => RunExplanation[],
    needsAny: (e: RunExplanation) => boolean,
    maxSequences = NULL_SAMPLE_SEQUENCES,
  ) {
    this.end = nullSampleSize(cache.sequenceNames(inputSha, 0, maxSequences).map((s) => s.lengthBp), maxSequences);
    this.pending = new Set();
    const sampleMissing = new Set<string>();
    for (let idx = 0; idx < this.end; idx++) {
      const missing = missingFor(idx);
      if (missing.length > 0) this.pending.add(idx);
      for (const e of missing) sampleMissing.add(e.explId);
    }
    this.toHandOut = new Set(this.pending);
    // Stored samples: their nulls now, for explanations that still have sequences to explain.
    for (const e of explanations) {
      if (sampleMissing.has(e.explId) || !needsAny(e)) continue;
      const tracks = Array.from({ length: this.end }, (_, idx) => observedFromChannels(cache.readResult(e.explKey, idx)!.relevance));
      this.nulls.set(e.explId, { key: e.explKey, nulls: seqletNulls(tracks) });
    }
  }

  /** Whether every explanation's null is known (no sample batch outstanding). */
  get ready(): boolean {
    return this.pending.size === 0;
  }

  /** Whether every sample sequence is in a batch, so the next batch has to wait for the nulls. */
  get allHandedOut(): boolean {
    return this.toHandOut.size === 0;
  }

  /** Marks a batch of sample sequences: explained without seqlets, held until the sample is complete. */
  handOut(task: ExplainTask): void {
    for (const s of task.sequences) this.toHandOut.delete(s.idx);
    this.sampleTasks.add(task);
  }

  isSampleTask(task: ExplainTask): boolean {
    return this.sampleTasks.has(task);
  }

  /** The nulls a batch of these explanations sends its worker, by config id. */
  nullsFor(explIds: Iterable<string>): Record<string, SeqletNullsOf> {
    const out: Record<string, SeqletNullsOf> = {};
    for (const id of explIds) {
      const n = this.nulls.get(id);
      if (!n) throw new Error(`seqlet null of explanation ${id} asked for before its sample was explained`);
      out[id] = n;
    }
    return out;
  }

  /** Holds a sample batch; returns every held batch, seqlets added, once the sample is complete (else []). */
  hold(task: ExplainTask, result: ExplainTaskResult): Held[] {
    this.held.push({ task, result });
    for (const s of result.sequences) this.pending.delete(s.idx);
    if (this.pending.size > 0) return [];
    const computed = new Map<string, Map<number, Float32Array>>();
    for (const { result: r } of this.held) {
      for (const s of r.sequences) for (const e of s.explanations) {
        const byIdx = computed.get(e.configId) ?? new Map<number, Float32Array>();
        computed.set(e.configId, byIdx.set(s.idx, observedFromChannels(e.relevance)));
      }
    }
    for (const e of this.explanations) {
      const fresh = computed.get(e.explId);
      if (!fresh || this.nulls.has(e.explId)) continue;
      const tracks = Array.from({ length: this.end }, (_, idx) => fresh.get(idx) ?? observedFromChannels(this.cache.readResult(e.explKey, idx)!.relevance));
      this.nulls.set(e.explId, { key: e.explKey, nulls: seqletNulls(tracks) });
    }
    const span = new Map<string, SpanNulls>();
    for (const { task, result } of this.held) {
      if (!result.annotations) continue;
      for (const c of task.configs) {
        const n = this.nulls.get(c.id)!;
        if (!span.has(c.id)) span.set(c.id, spanNullsOf(n.nulls));
        const tracks = result.sequences.map((s) => computed.get(c.id)!.get(s.idx)!);
        const called = callSeqlets(tracks, [], {}, span.get(c.id)).map((q) => ({
          idx: result.sequences[q.sequenceIndex].idx, startBp: q.start, endBp: q.end, sign: q.sign === 'positive' ? '+' as const : '-' as const, sum: q.attribution, pValue: q.pValue,
        }));
        result.annotations.seqlets.push(...seqletSets(c.id, called));
      }
    }
    return this.held.splice(0);
  }
}
