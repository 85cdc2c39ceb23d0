import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeTileRelevance, paddingMask, planTiles, tileSequence } from '../../../../src-main/engine/genomics/tiling';
import { averageStrands, relevanceFromReverseStrand, reverseComplementOneHot } from '../../../../src-main/engine/genomics/strand-averaging';
import { encodeOneHot } from '../../../../src-main/engine/genomics/one-hot';
import { reverseComplement } from '../../../../src-main/engine/genomics/nucleotides';

describe('tiling', () => {
  it('tiles a long sequence with the stride and aligns the last window to the end', () => {
    expect(planTiles(25, 10, 5).map((t) => t.start)).toEqual([0, 5, 10, 15]);
    expect(planTiles(27, 10, 5).map((t) => t.start)).toEqual([0, 5, 10, 15, 17]);
    expect(planTiles(27, 10).map((t) => t.start)).toEqual([0, 5, 10, 15, 17]);
  });

  it('pads a short sequence with N on both sides, centred, and marks the padding', () => {
    const [t] = planTiles(5, 10);
    expect(t).toEqual({ start: 0, lengthBp: 5, padLeft: 2, padRight: 3 });
    expect(tileSequence('ACGTA', t)).toBe('NNACGTANNN');
    expect(Array.from(paddingMask(t))).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('averages per-base relevance over the windows covering each base', () => {
    const tiles = planTiles(15, 10, 5); // windows [0,10) and [5,15)
    const merged = mergeTileRelevance(15, tiles, [new Float32Array(10).fill(1), new Float32Array(10).fill(3)]);
    expect(Array.from(merged.coverage)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1]);
    expect(Array.from(merged.relevance)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
  });

  it('covers every base of any sequence, and a constant relevance merges back to the constant', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), (len, win, strideSeed) => {
      const stride = 1 + (strideSeed % win);
      const tiles = planTiles(len, win, stride);
      const rel = tiles.map(() => new Float32Array(win * 4).fill(0.5));
      const merged = mergeTileRelevance(len, tiles, rel, 4);
      expect(merged.coverage.every((c) => c >= 1)).toBe(true);
      expect(merged.relevance.every((v) => v === 0.5)).toBe(true);
      tiles.forEach((t) => expect(t.padLeft + t.lengthBp + t.padRight).toBe(win));
    }));
  });

  it('refuses a stride longer than the window, which would leave bases uncovered', () => {
    expect(() => planTiles(100, 10, 11)).toThrow('tiling stride must be a whole number from 1 to the window length (10 bp), got 11');
  });

  it('drops the padding when merging a short sequence', () => {
    const tiles = planTiles(3, 6);
    const merged = mergeTileRelevance(3, tiles, [Float32Array.from([9, 1, 2, 3, 9, 9])]);
    expect(Array.from(merged.relevance)).toEqual([1, 2, 3]);
  });
});

describe('reverse-complement averaging', () => {
  it('reverse-complements a one-hot matrix like the sequence itself', () => {
    const seq = 'AACGTTGCAN';
    expect(Array.from(reverseComplementOneHot(encodeOneHot(seq)))).toEqual(Array.from(encodeOneHot(reverseComplement(seq))));
  });

  it('maps [L, 4] and [L] relevance of the reverse strand back to forward coordinates and averages', () => {
    // Relevance on the reverse-complement input at its position 0, channel T, belongs to forward
    // position L−1, channel A.
    const rev = new Float32Array(3 * 4);
    rev[3] = 2;
    const mapped = relevanceFromReverseStrand(rev, 4);
    expect(mapped[2 * 4 + 0]).toBe(2);
    expect(Array.from(relevanceFromReverseStrand(Float32Array.from([1, 2, 3]), 1))).toEqual([3, 2, 1]);
    expect(Array.from(averageStrands(Float32Array.from([1, 2]), Float32Array.from([3, 4])))).toEqual([2, 3]);
  });
});
