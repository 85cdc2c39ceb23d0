import { describe, expect, it } from 'vitest';
import { hitColumnBuffers, hitColumns } from '../../../../src-main/engine/pool/hit-columns';
import type { MotifHitRow } from '../../../../src-main/shared/run-api';

const row = (over: Partial<MotifHitRow>): MotifHitRow => ({
  sequenceIndex: 0, motifId: 'MA0139.2', motifName: 'CTCF', startBp: 10, endBp: 29, strand: '+', score: 21.5, pValue: 3.2e-9, qValue: 1.5e-5,
  matched: 'CCACCAGGGGGCGCTAGTG', relevance: { lrp: 0.125, 'plrp-m': -1e-7 }, ...over,
});

describe('hit columns (worker → main thread)', () => {
  it('keeps every field of every hit, shares motif names, and serialises relevance as the cache stores it', () => {
    const rows = [
      row({}),
      row({ sequenceIndex: 7, startBp: 3, endBp: 22, strand: '-', score: -0.5, pValue: 1e-4, qValue: 1, matched: 'acgtNacgt', relevance: {} }),
      row({ sequenceIndex: 7, motifId: 'MA0001.1', motifName: 'MA0001.1', relevance: { lrp: 1 / 3 } }),
      // The same id under another display name stays apart.
      row({ motifName: 'Ctcf' }),
    ];
    const c = hitColumns(rows);
    expect(c.motifIds).toEqual(['MA0139.2', 'MA0001.1', 'MA0139.2']);
    expect(c.motifNames).toEqual(['CTCF', 'MA0001.1', 'Ctcf']);
    expect(rows.map((h, i) => ({
      sequenceIndex: c.idx[i], motifId: c.motifIds[c.motif[i]], motifName: c.motifNames[c.motif[i]], startBp: c.startBp[i], endBp: c.endBp[i],
      strand: c.forward[i] ? '+' : '-', score: c.score[i], pValue: c.pValue[i], qValue: c.qValue[i], matched: c.matched[i],
      relevance: JSON.parse(c.relevanceJson[i]) as Record<string, number>,
    }))).toEqual(rows);
    expect(c.relevanceJson[0]).toBe(JSON.stringify(rows[0].relevance));
  });

  it('hands over its typed arrays, which detach on the sending side', () => {
    const c = hitColumns([row({}), row({ sequenceIndex: 2 })]);
    const buffers = hitColumnBuffers(c);
    expect(buffers).toHaveLength(8);
    const copy = structuredClone(c, { transfer: buffers });
    expect(Array.from(copy.idx)).toEqual([0, 2]);
    expect(c.idx.length).toBe(0);
  });
});
