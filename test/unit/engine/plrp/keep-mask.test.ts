// Threshold selection (../shared/spec/plrp.md "Which entries are pruned"), checked against the
// definition written with a full sort, and on hand-made vectors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepMask } from '../../../../src-main/engine/plrp/keep-mask';

/** The spec's mass rule, literally: sort ascending, largest k with cumulative sum ≤ p·Σv. */
function massBySort(values: number[], p: number): number | null {
  const v = [...values].sort((a, b) => a - b);
  const budget = p * v.reduce((s, x) => s + x, 0);
  let cum = 0;
  let k = 0;
  while (k < v.length && cum + v[k] <= budget) cum += v[k++];
  return k === 0 ? null : v[k - 1];
}

function prunedBySort(r: Float32Array, p: number, mode: 'mass' | 'mass-per-sign' | 'count'): number[] {
  if (p === 0) return []; // the spec: p = 0 prunes nothing (not even zeros)
  const abs = Array.from(r, Math.abs);
  if (mode === 'count') {
    const k = Math.floor(p * r.length);
    if (k === 0) return [];
    const theta = [...abs].sort((a, b) => a - b)[k - 1];
    return abs.map((v, i) => (v <= theta ? i : -1)).filter((i) => i >= 0);
  }
  if (mode === 'mass') {
    const theta = massBySort(abs, p);
    return theta === null ? [] : abs.map((v, i) => (v <= theta ? i : -1)).filter((i) => i >= 0);
  }
  const pos = Array.from(r).filter((v) => v >= 0);
  const neg = Array.from(r).filter((v) => v < 0).map((v) => -v);
  const tp = massBySort(pos, p);
  const tn = massBySort(neg, p);
  return Array.from(r).map((v, i) => ((v < 0 ? tn !== null && -v <= tn : tp !== null && v <= tp) ? i : -1)).filter((i) => i >= 0);
}

const pruned = (keep: Float32Array) => Array.from(keep).map((k, i) => (k === 0 ? i : -1)).filter((i) => i >= 0);

describe('keepMask', () => {
  it('prunes the smallest entries whose mass fits in p·Σ|R| (hand-computed)', () => {
    // |R| = [4, 1, 3, 2], Σ = 10, p = 0.3 → budget 3: 1 + 2 = 3 fits, + 3 does not → θ = 2.
    expect(pruned(keepMask(new Float32Array([4, -1, 3, 2]), 0.3, 'mass'))).toEqual([1, 3]);
  });

  it('prunes nothing when not even the smallest entry fits', () => {
    expect(pruned(keepMask(new Float32Array([5, 5, 5]), 0.1, 'mass'))).toEqual([]);
  });

  it('prunes ties of the threshold together (count mode)', () => {
    // ⌊0.5·4⌋ = 2 → θ = 2nd smallest |R| = 1; every entry with |R| ≤ 1 goes, three of them.
    expect(pruned(keepMask(new Float32Array([1, -1, 1, 9]), 0.5, 'count'))).toEqual([0, 1, 2]);
  });

  it('p = 0 keeps everything', () => {
    expect(pruned(keepMask(new Float32Array([0, 0, 1]), 0, 'mass'))).toEqual([]);
  });

  it.each(['mass', 'mass-per-sign', 'count'] as const)('agrees with the sort-based definition in %s mode on random vectors', (mode) => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.float({ min: -100, max: 100, noNaN: true }), fc.constantFrom(1, -1, 0.5)), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const r = Float32Array.from(values);
          expect(pruned(keepMask(r, p, mode))).toEqual(prunedBySort(r, p, mode));
        },
      ),
      { numRuns: 300 },
    );
  });
});
