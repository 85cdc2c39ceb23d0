// Explanations whose sign contradicts the prediction get a per-sequence warning. The real case is a
// reviewer's 200-bp sequence (normal_1) under the shipped cnn4-pair model: LRP has a strong negative
// peak at bases ~62–67, PLRP-λ p = 0.3 a strong positive one on the same bases (λ = −0.436 at the
// flatten point, 9 kept entries flipped), and PLRP-M p = 0.3 sums to −0.91 for a logit of +0.91.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import type { ExplainableModel } from '../../../../src-main/engine/explain/types';
import { encodeOneHot } from '../../../../src-main/engine/genomics/one-hot';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { flippedSignWarning, reversedSumWarning, signWarnings } from '../../../../src-main/engine/explain/sign-warnings';

const MODEL = fileURLToPath(new URL('../../../../resources/models/cnn4-pair.onnx', import.meta.url));
const NORMAL_1 = 'GCTAAAGACAATTACATAACATACACGTCAGCACGAAACTTGTTGGCCCAGTGTGAATCGAGATAAGGCTTAAGGGTTAAGTAAGTGTGATGCATACGCCTTTACTTGCAGGTGCTGTGTCCACCCCATCGGACTGGCATTTTTATTACACTCAGAAACAGAACTCGGGTAATTTTGACAGGTCACGCAGAGGCGCGCCC';
const FLATTEN = '/net/body/body.3/Flatten_output_0';

const cfg = (id: string, method: 'lrp' | 'plrp-lambda' | 'plrp-m', p = 0, lambda: 'total' | 'per-sign' = 'total') =>
  parseExplainConfig({ id, composite: 'epsilon-plus', method, p, lambda, threshold: lambda === 'per-sign' ? 'mass-per-sign' : 'mass' });
const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
/** Σ R of bases 62–67 (1-based). */
const peak = (a: Float32Array) => sum(a.subarray(61 * 4, 67 * 4));

describe('sign-contradicting relevance on cnn4-pair (real model)', () => {
  let model: ExplainableModel;
  beforeAll(async () => { model = await openModel(MODEL, { backend: 'ort' }); });
  afterAll(() => model.close());

  it('warns on PLRP-λ p = 0.3 (λ < 0 flips the main peak) and PLRP-M p = 0.3 (Σ R −0.91 for +0.91), not on LRP or per-sign', async () => {
    const configs = [cfg('lrp', 'lrp'), cfg('l03', 'plrp-lambda', 0.3), cfg('s03', 'plrp-lambda', 0.3, 'per-sign'), cfg('m03', 'plrp-m', 0.3)];
    const res = await model.explain(encodeOneHot(NORMAL_1), 1, configs, new Int32Array([-1]));
    const logit = res.logits[res.targets[0]];
    expect(logit).toBeCloseTo(0.913, 2);
    // The flip the warning is about: the same bases, opposite signs.
    expect(peak(res.relevance.lrp)).toBeLessThan(-0.1);
    expect(peak(res.relevance.l03)).toBeGreaterThan(0.1);
    const point = res.diagnostics.l03[0].find((d) => d.point === FLATTEN)!;
    expect(point.lambda).toBeCloseTo(-0.436, 2);
    expect(point.signFlips).toBe(9);
    const warnings = (id: string) => signWarnings('normal_1', id, res.diagnostics[id], sum(res.relevance[id]), logit, true);
    expect(warnings('l03')).toEqual([
      `PLRP-λ flipped the sign of relevance for sequence normal_1 under explanation l03: at pruning point ${FLATTEN} λ = -0.436, ` +
      "so 9 kept entries changed sign (the kept relevance summed to the opposite sign of the total); features below that point can show with " +
      "the opposite sign of LRP's (compare with LRP, or use `lambda: per-sign`, which never flips signs)",
    ]);
    expect(sum(res.relevance.m03)).toBeCloseTo(-0.912, 2);
    expect(warnings('m03')).toEqual([
      "relevance of sequence normal_1 under explanation m03 sums to -0.91 while the explained logit is +0.91: this explanation reverses the prediction's sign (compare with LRP)",
    ]);
    expect(warnings('lrp')).toEqual([]);
    expect(warnings('s03')).toEqual([]);
    // A tiled sequence's Σ R explains no single logit: no reversed-sum warning then.
    expect(signWarnings('normal_1', 'm03', res.diagnostics.m03, sum(res.relevance.m03), logit, false)).toEqual([]);
  });
});

describe('reversedSumWarning thresholds', () => {
  it('ignores logits near 0, small opposite sums and agreeing signs', () => {
    expect(reversedSumWarning('s', 'e', -0.77, 0.23)).toBeNull(); // an uncertain prediction (sigmoid 0.56)
    expect(reversedSumWarning('s', 'e', -0.24, 1)).toBeNull();
    expect(reversedSumWarning('s', 'e', 0.5, 1)).toBeNull();
    expect(reversedSumWarning('s', 'e', Number.NaN, 1)).toBeNull();
    expect(reversedSumWarning('s', 'e', 0.2, -0.5)).toContain('sums to +0.20 while the explained logit is -0.50');
  });
  it('names the other points and windows of a flip', () => {
    const d = (point: string, lambda: number | null) => ({ point, p: 0.3, prunedCount: 1, keptCount: 1, prunedMassFraction: 0.1, lambda, lambdaPos: null, lambdaNeg: null, signFlips: 2, sumBefore: 1, sumAfter: 1, massBefore: 1, massAfter: 1 });
    expect(flippedSignWarning('s', 'e', [[d('a', 0.9), d('b', -0.2), d('c', -3)]])).toContain('at pruning point c (and 1 other point) λ = -3.00, so 2 kept entries');
    expect(flippedSignWarning('s', 'e', [[d('a', -1)], [d('a', 1)], [d('a', -2)]])).toContain('at pruning point a in window 3 of 3 (and 1 other window) λ = -2.00');
    expect(flippedSignWarning('s', 'e', [[d('a', 1), d('b', null)]])).toBeNull();
  });
});
