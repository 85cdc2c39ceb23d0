import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gini } from '../../../../src-main/engine/metrics/gini';

// Subnormal values are mapped to 0: scaling them underflows, where no scale invariance can hold.
const vec = fc.array(
  fc.double({ min: -100, max: 100, noNaN: true }).map((x) => (Math.abs(x) < 1e-100 ? 0 : x)),
  { minLength: 1, maxLength: 60 },
);

describe('gini', () => {
  it('reproduces the spec test vectors computed with Quantus', () => {
    expect(gini([0.1, 0.2, 0.3, 0.4, 0])).toBe(0.3999999200000161);
    expect(gini([3, 1, 0, 2, 0])).toBe(0.5333332000000336);
    expect(gini([-2, 1, 0, 0.5, 0.5])).toBe(0.44999988750002823);
    // The spec prints this one rounded to 0.7999996.
    expect(gini([1, 0, 0, 0, 0])).toBeCloseTo(0.7999996, 12);
  });

  it('scores a one-hot vector of length n as (n − 1) / n, the sparsest possible, up to the 1e-7 offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.nat(), fc.double({ min: 0.01, max: 1e3, noNaN: true }), (n, at, v) => {
        const x = new Array<number>(n).fill(0);
        x[at % n] = v;
        // With a = [1 + ε, ε, …] the sum telescopes to G = (n − 1) / (n (1 + n ε)).
        expect(gini(x)).toBeCloseTo((n - 1) / (n * (1 + n * 1e-7)), 12);
      }),
    );
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(vec, fc.integer(), (v, seed) => {
        const shuffled = [...v].sort((a, b) => Math.sin(a * 7 + seed) - Math.sin(b * 7 + seed));
        expect(gini(shuffled)).toBeCloseTo(gini(v)!, 12);
      }),
    );
  });

  it('does not depend on the scale or the sign of the map', () => {
    fc.assert(
      fc.property(vec, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.boolean(), (v, c, flip) => {
        const scaled = v.map((x) => (flip ? -c : c) * x);
        expect(gini(scaled)).toBeCloseTo(gini(v)!, 9);
      }),
    );
  });

  it('stays in [0, 1) and is 0 for a constant or all-zero map', () => {
    fc.assert(
      fc.property(vec, (v) => {
        const g = gini(v)!;
        expect(g).toBeGreaterThanOrEqual(-1e-12);
        expect(g).toBeLessThan(1);
      }),
    );
    expect(gini([0, 0, 0])).toBeCloseTo(0, 15);
    expect(gini([2, -2, 2, 2])).toBeCloseTo(0, 15);
  });

  it('is null for an empty map', () => {
    expect(gini([])).toBeNull();
  });
});
