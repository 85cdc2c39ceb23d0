import { describe, expect, it } from 'vitest';
import { decodeFindings, decodeHitSet, motifHitSets } from '../../../../src-main/engine/export/motif-hit-sets';
import type { MotifHitRow } from '../../../../src-main/shared/run-api';

const hit = (over: Partial<MotifHitRow>): MotifHitRow => ({
  sequenceIndex: 0, motifId: 'MA0139.2', motifName: 'CTCF', startBp: 10, endBp: 28, strand: '+', score: 15.5, pValue: 2.5e-7, qValue: 0.01,
  matched: 'TGGCCACCAGGGGGCGCT', relevance: { lrp: 0.30000000000000004, 'plrp.v2': -2.5e21 }, ...over,
});

describe('motifHitSets', () => {
  it('keeps one record per sequence whose hits decode to the rows it was given, in their order, every digit intact', () => {
    const rows = [
      hit({ sequenceIndex: 4, startBp: 50, strand: '-', matched: 'acgtNN' }),
      hit({ sequenceIndex: 4, startBp: 3, motifId: 'MA0080.7', motifName: 'SPI1', relevance: { lrp: 1e-300, 'plrp.v2': 2.2250738585072014e-308 } }),
      hit({ sequenceIndex: 2 }),
    ];
    const sets = motifHitSets(rows);
    expect(sets.map((s) => [s.idx, s.count])).toEqual([[4, 2], [2, 1]]);
    expect(sets.flatMap((s) => decodeHitSet(s.idx, s.findingsJson, s.relevanceJson))).toEqual(rows);
  });

  it('gives the findings of a record without its relevance, as a run that reuses the scan reads them', () => {
    const [set] = motifHitSets([hit({ sequenceIndex: 1 }), hit({ sequenceIndex: 1, startBp: 90 })]);
    expect(decodeFindings(set.findingsJson)).toEqual([
      { motifId: 'MA0139.2', motifName: 'CTCF', startBp: 10, endBp: 28, strand: '+', score: 15.5, pValue: 2.5e-7, qValue: 0.01, matched: 'TGGCCACCAGGGGGCGCT' },
      { motifId: 'MA0139.2', motifName: 'CTCF', startBp: 90, endBp: 28, strand: '+', score: 15.5, pValue: 2.5e-7, qValue: 0.01, matched: 'TGGCCACCAGGGGGCGCT' },
    ]);
  });

  it('keeps an explanation that only some hits of a sequence have, with null for the others', () => {
    const [set] = motifHitSets([hit({ relevance: { lrp: 1 } }), hit({ startBp: 40, relevance: { lrp: 2, extra: 3 } })]);
    expect(decodeHitSet(0, set.findingsJson, set.relevanceJson).map((h) => h.relevance)).toEqual([{ lrp: 1, extra: null }, { lrp: 2, extra: 3 }]);
  });

  it('has no record for a batch without hits', () => {
    expect(motifHitSets([])).toEqual([]);
  });
});
