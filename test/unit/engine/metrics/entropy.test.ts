import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entropy } from '../../../../src-main/engine/metrics/entropy';

const vec = fc
  .array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 })
  .filter((v) => v.some((x) => Math.abs(x) > 1e-6));

describe('entropy', () => {
  it('reproduces the spec test vectors computed with Quantus', () => {
    expect(Math.abs(entropy([0.1, 0.2, 0.3, 0.4, 0])! - 1.2798542258296675)).toBeLessThan(1e-11);
    // Quantus's 1e-12 guard inside the log moves ln 2 by ~2e-12.
    expect(Math.abs(entropy([0.5, 0.5, 0, 0, 0])! - Math.LN2)).toBeLessThan(1e-11);
  });

  it('lies between 0 (all mass on one position) and ln n (uniform)', () => {
    fc.assert(
      fc.property(vec, (v) => {
        const h = entropy(v)!;
        expect(h).toBeGreaterThanOrEqual(-1e-11);
        expect(h).toBeLessThanOrEqual(Math.log(v.length) + 1e-9);
      }),
    );
    expect(entropy([0, 0, 5, 0])).toBeCloseTo(0, 10);
    expect(entropy(new Array(64).fill(-3))).toBeCloseTo(Math.log(64), 9);
  });

  it('does not depend on order, scale or sign', () => {
    fc.assert(
      fc.property(vec, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (v, c) => {
        const h = entropy(v)!;
        expect(entropy([...v].reverse())).toBeCloseTo(h, 10);
        expect(entropy(v.map((x) => -c * x))).toBeCloseTo(h, 9);
      }),
    );
  });

  it('is null for an all-zero map, which has no distribution', () => {
    expect(entropy([0, 0, 0])).toBeNull();
  });
});
