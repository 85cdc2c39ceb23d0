import { describe, expect, it } from 'vitest';
import { decodeSeqlets, seqletSets } from '../../../../src-main/engine/export/seqlet-sets';

describe('seqletSets', () => {
  it('keeps one record per sequence whose seqlets decode to the ones given, in calling order, every digit intact', () => {
    const called = [
      { idx: 7, startBp: 40, endBp: 52, sign: '+' as const, sum: 0.1 + 0.7, pValue: 1e-4 },
      { idx: 3, startBp: 3, endBp: 9, sign: '-' as const, sum: -2.5e21, pValue: 0.003 },
      { idx: 7, startBp: 7, endBp: 20, sign: '-' as const, sum: -1e-300, pValue: 0.01 },
    ];
    const sets = seqletSets('plrp', called);
    expect(sets.map((s) => [s.configId, s.idx, s.count])).toEqual([['plrp', 7, 2], ['plrp', 3, 1]]);
    expect(sets.flatMap((s) => decodeSeqlets(s.seqletsJson).map((q) => ({ idx: s.idx, ...q })))).toEqual([called[0], called[2], called[1]]);
  });

  it('has no record for sequences without seqlets, unless they were called on', () => {
    expect(seqletSets('lrp', [])).toEqual([]);
    // The run cache tells a sequence whose seqlets were called (none found) from one still to call.
    const sets = seqletSets('lrp', [{ idx: 2, startBp: 1, endBp: 6, sign: '+', sum: 1, pValue: 0.001 }], [1, 2, 3]);
    expect(sets.map((s) => [s.idx, s.count, decodeSeqlets(s.seqletsJson).length])).toEqual([[2, 1, 1], [1, 0, 0], [3, 0, 0]]);
  });
});
