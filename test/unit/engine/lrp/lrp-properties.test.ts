// Properties of LRP any user relies on: relevance is conserved on bias-free graphs (residual Add
// included), LRP-0 equals gradient × input on ReLU networks, and a batch gives per-sample results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import type { ExplainableModel } from '../../../../src-main/engine/explain/types';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { randomOneHot, seededRandom, sum, writeTinyResidualModel } from './tiny-onnx';
import { relativeL2 } from './fixture-helpers';

const L = 64;
const n = 5;

describe('LRP on a bias-free residual CNN', () => {
  let model: ExplainableModel;
  const x = randomOneHot(seededRandom(7), n, L);
  beforeAll(async () => {
    model = await openModel(writeTinyResidualModel({ lengthBp: L, withBias: false, seed: 3 }));
  });
  afterAll(() => model.close());

  // αβ is left out on purpose: it conserves only where both its positive and negative parts are
  // non-zero, which a ReLU network does not guarantee.
  it.each(['epsilon', 'epsilon-plus'])('conserves the target logit with composite %s', async (composite) => {
    const res = await model.explain(x, n, [parseExplainConfig({ id: 'r', composite, epsilon: 1e-9, stabilizer: 1e-9 })], new Int32Array(n).fill(-1));
    for (let b = 0; b < n; b++) {
      const logit = res.logits[b * 2 + res.targets[b]];
      // Float32 sums over ~1k terms: 1e-4 relative.
      const total = sum(res.relevance.r, b * L * 4, (b + 1) * L * 4);
      expect(Math.abs(total - logit)).toBeLessThan(1e-4 * Math.max(Math.abs(logit), 1e-3));
    }
  });

  it('gives every sample of a batch exactly its single-sample relevance', async () => {
    const cfg = [parseExplainConfig({ id: 'r', composite: 'epsilon-gamma-box' })];
    const batch = await model.explain(x, n, cfg, new Int32Array(n).fill(-1));
    for (let b = 0; b < n; b++) {
      const one = await model.explain(x.slice(b * L * 4, (b + 1) * L * 4), 1, cfg, new Int32Array(1).fill(-1));
      expect(relativeL2(batch.relevance.r.subarray(b * L * 4, (b + 1) * L * 4), one.relevance.r)).toBeLessThan(1e-6);
    }
  });
});

describe('LRP-0 on a ReLU network with biases', () => {
  it('equals gradient × input (central differences on the target logit)', async () => {
    const model = await openModel(writeTinyResidualModel({ lengthBp: 32, withBias: true, seed: 11 }));
    const x = randomOneHot(seededRandom(5), 1, 32);
    const res = await model.explain(x, 1, [parseExplainConfig({ id: 'r', composite: 'epsilon', epsilon: 0 })], new Int32Array([0]));
    const h = 1e-3;
    const probes = new Float32Array(2 * 32 * 4 * 32 * 4);
    for (let c = 0; c < 32 * 4; c++) {
      probes.set(x, 2 * c * 128);
      probes.set(x, (2 * c + 1) * 128);
      probes[2 * c * 128 + c] += h;
      probes[(2 * c + 1) * 128 + c] -= h;
    }
    const { logits } = await model.predict(probes, 2 * 128);
    const gradTimesInput = new Float32Array(128);
    for (let c = 0; c < 128; c++) gradTimesInput[c] = (x[c] * (logits[2 * c * 2] - logits[(2 * c + 1) * 2])) / (2 * h);
    // The network is piecewise linear; finite differences are exact up to float32 rounding.
    expect(relativeL2(res.relevance.r, gradTimesInput)).toBeLessThan(1e-3);
    await model.close();
  });
});

describe('reverse-complement averaging', () => {
  it('gives a sequence and its reverse complement the same (mapped-back) explanation', async () => {
    const { reverseComplementOneHot } = await import('../../../../src-main/engine/genomics/strand-averaging');
    const model = await openModel(writeTinyResidualModel({ lengthBp: 32, withBias: true, seed: 2 }));
    const x = randomOneHot(seededRandom(17), 1, 32);
    const cfg = [parseExplainConfig({ id: 'r', composite: 'epsilon-plus' })];
    const t = new Int32Array([1]);
    const fwd = await model.explain(x, 1, cfg, t, { reverseComplement: true });
    const rev = await model.explain(reverseComplementOneHot(x), 1, cfg, t, { reverseComplement: true });
    expect(relativeL2(reverseComplementOneHot(rev.relevance.r), fwd.relevance.r)).toBeLessThan(1e-6);
    const plain = await model.explain(x, 1, cfg, t);
    expect(relativeL2(plain.relevance.r, fwd.relevance.r)).toBeGreaterThan(1e-3);
    await model.close();
  });
});
