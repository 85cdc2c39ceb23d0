import { describe, expect, it } from 'vitest';
import {
  defaultSubstitutions,
  lipschitzNeighbours,
  localLipschitz,
} from '../../../../src-main/engine/metrics/local-lipschitz';
import { decode, linearModel, oneHot } from './helpers';

// W[i, c] = c + 1 (A=1 … T=4): the explanation W ⊙ x puts the base's weight on each position.
function baseWeights(lengthBp: number): Float32Array {
  return Float32Array.from({ length: lengthBp * 4 }, (_, i) => (i % 4) + 1);
}

describe('local Lipschitz estimate', () => {
  it('makes DNA neighbours with exactly k substitutions, at distance √(2k)', () => {
    const seq = 'ACGT'.repeat(50);
    const x = oneHot(seq);
    const k = defaultSubstitutions(200);
    expect(k).toBe(2);
    const nb = lipschitzNeighbours(x, 200, { seed: 3 });
    expect(nb.samples).toBe(20);
    for (let s = 0; s < nb.samples; s++) {
      const y = decode(nb.batch.subarray(s * 800, (s + 1) * 800), 200);
      const diff = [...y].filter((c, i) => c !== seq[i]).length;
      expect(diff).toBe(k);
      expect(nb.distances[s]).toBeCloseTo(Math.sqrt(2 * k), 12);
    }
  });

  it('is the largest single-substitution change of a linear model’s normalised explanation', async () => {
    // x = all T: e(x) = 1 everywhere; a substitution to base b leaves one position at (b + 1) / 4.
    const L = 50;
    const model = linearModel(baseWeights(L));
    const x = oneHot('T'.repeat(L));
    const relevance = await model.explain(x, 1);
    const res = await localLipschitz(x, relevance, L, model.explain, { seed: 11 });
    const possible = [0.75, 0.5, 0.25].map((d) => d / Math.SQRT2);
    expect(possible.some((p) => Math.abs(p - res.value) < 1e-6)).toBe(true);
    // 20 neighbours: with this seed at least one substitutes an A, the largest possible change.
    expect(res.value).toBeCloseTo(possible[0], 6);
    expect(res).toMatchObject({ mode: 'dna', samples: 20, seed: 11 });
  });

  it('gives the same estimate for the same seed, and explains all neighbours in one call', async () => {
    const L = 40;
    const w = Float32Array.from({ length: L * 4 }, (_, i) => Math.sin(i * 0.7));
    const model = linearModel(w);
    const x = oneHot('GATTACA'.repeat(6).slice(0, L));
    const relevance = await model.explain(x, 1);
    const calls: number[] = [];
    const counting = async (b: Float32Array, n: number) => {
      calls.push(n);
      return model.explain(b, n);
    };
    const a = await localLipschitz(x, relevance, L, counting, { seed: 5 });
    const b = await localLipschitz(x, relevance, L, model.explain, { seed: 5 });
    const c = await localLipschitz(x, relevance, L, model.explain, { seed: 6 });
    expect(calls).toEqual([20]);
    expect(b.value).toBe(a.value);
    expect(c.value).not.toBe(a.value);
    expect(a.value).toBeGreaterThan(0);
  });

  it('is 0 when the explanation does not move with the input', async () => {
    const L = 30;
    const x = oneHot('ACGTAC'.repeat(5));
    const fixed = Float32Array.from({ length: L * 4 }, (_, i) => (i % 4 === 0 ? i : 0));
    const constant = async (_b: Float32Array, n: number) => {
      const out = new Float32Array(n * L * 4);
      for (let s = 0; s < n; s++) out.set(fixed, s * L * 4);
      return out;
    };
    const res = await localLipschitz(x, fixed, L, constant, { mode: 'gaussian', samples: 10 });
    expect(res.value).toBe(0);
  });

  it('draws N(0, σ²) noise on every cell in the Quantus mode', () => {
    const L = 100;
    const x = oneHot('ACGT'.repeat(25));
    const nb = lipschitzNeighbours(x, L, { mode: 'gaussian', seed: 1 });
    expect(nb.samples).toBe(200);
    // ‖noise‖² / (4L) estimates σ² = 0.01 (4L·S = 80 000 draws).
    let ss = 0;
    for (const d of nb.distances) ss += d * d;
    expect(ss / (4 * L * nb.samples)).toBeCloseTo(0.01, 3);
  });
});
