import { describe, expect, it } from 'vitest';
import { buildScoringMatrix, scaledToRaw, scoreThreshold } from '../../../../src-main/engine/motifs/pssm';

describe('FIMO scoring matrix', () => {
  it('scales a one-column motif as hand-computed from the spec formulas', () => {
    // p'(A) = (1·20 + 0.1·0.25)/20.1 = 0.996269, p'(other) = 0.025/20.1 = 0.0012438;
    // s(A) = log2(0.996269/0.25) = 1.99456, s(other) = log2(0.0012438/0.25) = −7.65105;
    // offset = floor(−7.65105) = −8; scale = floor(1000/(1.99456+8)) = 100;
    // cells: round(9.99456·100) = 999, round(0.34895·100) = 35.
    const m = buildScoringMatrix({ probs: [[1, 0, 0, 0]], nsites: 20 }, [0.25, 0.25, 0.25, 0.25]);
    expect(m.offset).toBe(-8);
    expect(m.scale).toBe(100);
    expect(Array.from(m.scores)).toEqual([999, 35, 35, 35]);
    expect(scaledToRaw(999, m)).toBeCloseTo(1.99, 12);
  });

  it('gives the exact P(score ≥ S) of every word of a width-4 motif, by enumeration of all 256 words', () => {
    const probs = [
      [0.6, 0.1, 0.2, 0.1],
      [0.05, 0.05, 0.85, 0.05],
      [0.25, 0.25, 0.25, 0.25],
      [0.1, 0.4, 0.1, 0.4],
    ];
    const bg = [0.3, 0.2, 0.2, 0.3];
    const m = buildScoringMatrix({ probs, nsites: 12 }, bg);
    const words: Array<{ score: number; prob: number }> = [];
    for (let w = 0; w < 256; w++) {
      const letters = [w & 3, (w >> 2) & 3, (w >> 4) & 3, (w >> 6) & 3];
      words.push({
        score: letters.reduce((acc, k, i) => acc + m.scores[i * 4 + k], 0),
        prob: letters.reduce((acc, k) => acc * bg[k], 1),
      });
    }
    expect(words.reduce((a, w) => a + w.prob, 0)).toBeCloseTo(1, 12);
    for (let s = 0; s < m.pValues.length; s++) {
      const brute = words.filter((w) => w.score >= s).reduce((a, w) => a + w.prob, 0);
      expect(Math.abs(m.pValues[s] - brute)).toBeLessThan(1e-12);
    }
    // Every column spans at most the range of 1000.
    for (let i = 0; i < 4; i++) {
      const col = Array.from(m.scores.subarray(i * 4, i * 4 + 4));
      expect(Math.min(...col)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...col)).toBeLessThanOrEqual(1000);
    }
  });

  it('picks the smallest integer score whose p-value is at or below the threshold, as FIMO does', () => {
    const pv = Float64Array.from([1, 0.5, 0.01, 1e-4, 5e-5, 0]);
    expect(scoreThreshold(pv, 1e-4)).toBe(3);
    expect(scoreThreshold(pv, 9e-5)).toBe(4);
    expect(scoreThreshold(pv, 2)).toBe(0);
    expect(scoreThreshold(pv, -1)).toBe(6);
  });
});
