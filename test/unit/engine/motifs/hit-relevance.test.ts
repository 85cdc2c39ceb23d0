import { describe, expect, it } from 'vitest';
import type { MotifHit } from '../../../../src-main/engine/motifs/hit';
import { rankMotifsByRelevance, weightHitsByRelevance, type SequenceRelevance } from '../../../../src-main/engine/motifs/hit-relevance';

function hit(motifIndex: number, sequenceIndex: number, start: number, end: number, strand: '+' | '-' = '+'): MotifHit {
  return {
    motifIndex, motifId: `M${motifIndex}`, motifAltId: `m${motifIndex}`, sequenceIndex, sequenceName: `s${sequenceIndex}`,
    start, end, strand, score: 10, pValue: 1e-5, qValue: 0.01, matchedSequence: 'ACGT'.slice(0, end - start),
  };
}

const relevance: SequenceRelevance[] = [
  { lrp: Float32Array.from([0, 1, 2, 3, 0, 0, -1, -1, 0, 0]), plrp: Float32Array.from([0, 0, 4, 4, 0, 0, 0, 0, 0, 0]) },
  { lrp: Float32Array.from([5, 5, 0, 0]) },
];

describe('relevance-weighted hits', () => {
  it('adds the sum and mean relevance inside each hit for every explanation', () => {
    const [a, b] = weightHitsByRelevance([hit(0, 0, 1, 4), hit(1, 1, 0, 2)], relevance);
    expect(a.relevance).toEqual({ lrp: { sum: 6, mean: 2 }, plrp: { sum: 8, mean: 8 / 3 } });
    expect(b.relevance).toEqual({ lrp: { sum: 10, mean: 5 } });
  });

  it('ranks motifs by captured relevance per sequence and over the file, counting overlapping hits once', () => {
    const hits = [hit(0, 0, 1, 4, '+'), hit(0, 0, 1, 4, '-'), hit(1, 0, 5, 8), hit(1, 1, 0, 2)];
    const { perSequence, overall } = rankMotifsByRelevance(hits, relevance, 'lrp');
    // seq0: Σ|R| = 8; motif 0 covers bases 1..3 (6), motif 1 covers 5..7 (−2).
    expect(perSequence[0].map((r) => [r.motifId, r.hitCount, r.coveredBp, r.captured, r.fraction])).toEqual([
      ['M0', 2, 3, 6, 6 / 8],
      ['M1', 1, 3, -2, -2 / 8],
    ]);
    // File: Σ|R| = 18; motif 1 captures −2 + 10 = 8, motif 0 captures 6.
    expect(overall.map((r) => [r.motifId, r.hitCount, r.captured, r.fraction])).toEqual([
      ['M1', 2, 8, 8 / 18],
      ['M0', 2, 6, 6 / 18],
    ]);
  });
});
