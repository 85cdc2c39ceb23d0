// The form an explanation's seqlets are stored in: one record per sequence, a JSON array of
// [startBp, endBp, sign, sum, pValue] in calling order, instead of one SQLite row per seqlet. The
// main thread stores every worker's batches, and a default run's ~6 seqlet rows per sequence cost
// it about 0.45 s per 10,000 sequences; workers build these records, the main thread inserts one
// row per sequence and explanation.
import type { SeqletRow } from '../../shared/run-api';
import { groupInOrder } from './group-in-order';

export type StoredSeqlet = Omit<SeqletRow, 'sequenceIndex' | 'explanationId'>;

export interface SeqletSet {
  idx: number;
  configId: string;
  count: number;
  seqletsJson: string;
}

type SeqletTuple = [number, number, '+' | '-', number, number];

/**
 * One record per sequence that has seqlets, in order of first appearance; each keeps its seqlets'
 * order. Then an empty record for each sequence of `calledOn` without any: the run cache stores a
 * record for every sequence whose seqlets were called, so one without a record is still to call.
 */
export function seqletSets(configId: string, seqlets: readonly (StoredSeqlet & { idx: number })[], calledOn: Iterable<number> = []): SeqletSet[] {
  const sets = [...groupInOrder(seqlets, (s) => s.idx)].map(([idx, list]) => ({
    idx, configId, count: list.length,
    seqletsJson: JSON.stringify(list.map((s): SeqletTuple => [s.startBp, s.endBp, s.sign, s.sum, s.pValue])),
  }));
  const withSeqlets = new Set(sets.map((s) => s.idx));
  for (const idx of calledOn) if (!withSeqlets.has(idx)) sets.push({ idx, configId, count: 0, seqletsJson: '[]' });
  return sets;
}

export function decodeSeqlets(seqletsJson: string): StoredSeqlet[] {
  return (JSON.parse(seqletsJson) as SeqletTuple[]).map(([startBp, endBp, sign, sum, pValue]) => ({ startBp, endBp, sign, sum, pValue }));
}
