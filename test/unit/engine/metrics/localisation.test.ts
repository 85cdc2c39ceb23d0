import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relevanceMassAccuracy } from '../../../../src-main/engine/metrics/relevance-mass-accuracy';
import { relevanceRankAccuracy } from '../../../../src-main/engine/metrics/relevance-rank-accuracy';

const r = [0.5, -1, 2, 3, 0, 1, -0.5, 0];
const gt = Uint8Array.from([0, 0, 1, 1, 1, 0, 0, 0]);

describe('relevance mass accuracy', () => {
  it('reproduces the spec test vector in all three modes', () => {
    expect(relevanceMassAccuracy(r, gt, 'signed')).toBe(1.0);
    expect(relevanceMassAccuracy(r, gt, 'abs')).toBe(0.625);
    expect(relevanceMassAccuracy(r, gt, 'positive')).toBeCloseTo(0.7692307692, 10);
    expect(relevanceMassAccuracy(r, gt)).toBe(5 / 6.5);
  });

  it('is null without ground truth or without positive mass', () => {
    expect(relevanceMassAccuracy(r, null)).toBeNull();
    expect(relevanceMassAccuracy(r, new Uint8Array(8))).toBeNull();
    expect(relevanceMassAccuracy([-1, -2, 0], Uint8Array.from([1, 0, 0]))).toBeNull();
  });

  it('keeps the positive-part score in [0, 1] whatever the signs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 50 }),
        (pairs) => {
          const v = relevanceMassAccuracy(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          if (v !== null) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
        },
      ),
    );
  });

  it('rejects a mask of the wrong length', () => {
    expect(() => relevanceMassAccuracy(r, new Uint8Array(3))).toThrow(/3 positions/);
  });
});

describe('relevance rank accuracy', () => {
  it('reproduces the spec test vector', () => {
    expect(relevanceRankAccuracy(r, gt)).toBeCloseTo(2 / 3, 15);
  });

  it('is 1 when the ground truth holds exactly the K highest positions', () => {
    expect(relevanceRankAccuracy([0, 9, 8, 0, 7], Uint8Array.from([0, 1, 1, 0, 1]))).toBe(1);
  });

  it('scores ties at the cut-off by their expectation, not by where the motif sits', () => {
    // K = 2; one clear winner in GT, then four tied zeros of which one is in GT: 1 + 1 · 1/4.
    expect(relevanceRankAccuracy([5, 0, 0, 0, 0], Uint8Array.from([1, 0, 0, 0, 1]))).toBeCloseTo(1.25 / 2, 15);
    expect(relevanceRankAccuracy([5, 0, 0, 0, 0], Uint8Array.from([1, 1, 0, 0, 0]))).toBeCloseTo(1.25 / 2, 15);
  });

  it('is null without ground truth', () => {
    expect(relevanceRankAccuracy(r, undefined)).toBeNull();
    expect(relevanceRankAccuracy(r, new Uint8Array(8))).toBeNull();
  });

  it('does not change when positions and mask are permuted together', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (pairs) => {
          const a = relevanceRankAccuracy(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
          const rev = [...pairs].reverse();
          const b = relevanceRankAccuracy(rev.map((p) => p[0]), rev.map((p) => p[1]));
          if (a === null) expect(b).toBeNull();
          else expect(b).toBeCloseTo(a, 12);
        },
      ),
    );
  });
});
