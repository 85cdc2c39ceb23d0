import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curveAreas, defaultSteps, faithfulness, rankWindows } from '../../../../src-main/engine/metrics/faithfulness';
import { linearModel, oneHot, relevanceOnBase } from './helpers';

// A linear "model" whose weight sits only on the observed base: removing position i (zero baseline)
// lowers the logit by exactly r_i, so every curve can be written down by hand.
function analytic(seq: string, r: number[]) {
  const x = oneHot(seq);
  const relevance = relevanceOnBase(x, r);
  return { x, relevance, model: linearModel(relevance, 0.7) };
}

describe('faithfulness (region perturbation)', () => {
  it('matches the hand-computed MoRF and LeRF curves of a linear model', async () => {
    const { x, relevance, model } = analytic('ACGTA', [1, -2, 3, 0.5, 0]);
    const f = await faithfulness(x, relevance, 5, model.predict, { baseline: 'zero', steps: 2, keepCurves: true });
    // MoRF removes r=3 then r=1: d = [0, 3, 4]; LeRF removes r=−2 then r=0: d = [0, −2, −2].
    expect(f.morfCurve).toEqual([0, 3, 4]);
    expect(f.lerfCurve).toEqual([0, -2, -2]);
    expect(f.morfAuc).toBeCloseTo((1.5 + 3.5) / 2, 12);
    expect(f.lerfAuc).toBeCloseTo((-1 - 2) / 2, 12);
    expect(f.morfMinusLerfAuc).toBeCloseTo(4, 12);
    expect(f.morfAopc).toBeCloseTo(7 / 3, 12);
    expect(f.lerfAopc).toBeCloseTo(-4 / 3, 12);
    expect(f.morfMinusLerfAopc).toBeCloseTo(11 / 3, 12);
  });

  it('ranks whole windows by their summed relevance', async () => {
    const { x, relevance, model } = analytic('ACGTA', [1, -2, 3, 0.5, 0]);
    // Windows [0,2) = −1, [2,4) = 3.5, [4,5) = 0.
    const f = await faithfulness(x, relevance, 5, model.predict, { baseline: 'zero', window: 2, steps: 2, keepCurves: true });
    expect(f.morfCurve).toEqual([0, 3.5, 3.5]);
    expect(f.lerfCurve).toEqual([0, -1, -1]);
    expect(rankWindows([1, -2, 3, 0.5, 0], 2, 'morf')).toEqual([2, 4, 0]);
  });

  it('replaces removed positions by 0.25 per channel with the uniform baseline', async () => {
    // Full weight matrix: removing position i changes f by Σ_c W[i,c] x[i,c] − 0.25 Σ_c W[i,c].
    const w = Float32Array.from([1, 2, 3, 4, /* */ 0, 0, 8, 0, /* */ -1, 0, 0, 1]);
    const x = oneHot('TGA');
    const relevance = Float32Array.from(w, (v, i) => v * x[i]); // r = [4, 8, −1]
    const f = await faithfulness(x, relevance, 3, linearModel(w).predict, { steps: 3, keepCurves: true });
    const drop = [4 - 2.5, 8 - 2, -1 - 0];
    expect(f.baseline).toBe('uniform');
    expect(f.morfCurve).toEqual([0, drop[1], drop[1] + drop[0], drop[1] + drop[0] + drop[2]]);
    expect(f.lerfCurve).toEqual([0, drop[2], drop[2] + drop[0], drop[2] + drop[0] + drop[1]]);
  });

  it('sends every perturbed input of a sequence to the model in one batched call', async () => {
    const { x, relevance, model } = analytic('ACGTACGTAC', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const calls: number[] = [];
    const counting = async (b: Float32Array, n: number) => {
      calls.push(n);
      return model.predict(b, n);
    };
    const f = await faithfulness(x, relevance, 10, counting, { steps: 4 });
    expect(calls).toEqual([9]);
    const chunked = await faithfulness(x, relevance, 10, model.predict, { steps: 4, maxBatch: 2 });
    expect(chunked).toEqual(f);
  });

  it('removes 20 % of the positions by default', () => {
    expect(defaultSteps(200, 1)).toBe(40);
    expect(defaultSteps(200, 10)).toBe(4);
    expect(defaultSteps(3, 1)).toBe(1);
  });

  it('puts MoRF above LeRF for the exact explanation of any linear model', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.nat(),
        async (r, seed) => {
          const seq = r.map((_, i) => 'ACGT'[(i * 7 + seed) % 4]).join('');
          const { x, relevance, model } = analytic(seq, r);
          const f = await faithfulness(x, relevance, r.length, model.predict, { baseline: 'zero', keepCurves: true });
          expect(f.morfAuc).toBeGreaterThanOrEqual(f.lerfAuc - 1e-9);
          expect(f.morfCurve![1]).toBeCloseTo(Math.max(...Float32Array.from(r)), 9);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is reproducible with the shuffle baseline for a given seed', async () => {
    const seq = 'ACGTTGCAACGGTACCATGA'.repeat(3);
    const r = Array.from({ length: seq.length }, (_, i) => Math.sin(i));
    const w = Float32Array.from({ length: seq.length * 4 }, (_, i) => Math.cos(i * 1.3));
    const x = oneHot(seq);
    const relevance = Float32Array.from(relevanceOnBase(x, r));
    const model = linearModel(w);
    const a = await faithfulness(x, relevance, seq.length, model.predict, { baseline: 'shuffle', seed: 7 });
    const b = await faithfulness(x, relevance, seq.length, model.predict, { baseline: 'shuffle', seed: 7 });
    const c = await faithfulness(x, relevance, seq.length, model.predict, { baseline: 'shuffle', seed: 8 });
    expect(b).toEqual(a);
    expect(a.seed).toBe(7);
    expect(c.morfAuc).not.toBe(a.morfAuc);
  });
});

describe('curve areas', () => {
  it('integrates with the trapezoid rule over the fraction of steps and averages for AOPC', () => {
    expect(curveAreas([0, 1, 2, 3])).toEqual({ auc: (0.5 + 1.5 + 2.5) / 3, aopc: 1.5 });
  });
});
