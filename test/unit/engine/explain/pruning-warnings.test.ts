// PLRP explanations whose redistribution magnified Σ|R| carry a per-sequence warning. The two real
// cases are the shipped cnn32-pair model on the demo sequence test_00008 (PLRP-λ p = 0.3: λ = −23 at
// the top point, ΣR 3.7 against LRP's 0.15) and a random 200-bp window explained for the class it
// does not predict (PLRP-M p = 0.5: a masked dense denominator of 0.0024 where the unmasked one is
// 0.71, a base at ±76). Both backends compute the same, spec-conform numbers; the warning says so.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import type { ExplainableModel, PruningDiagnostics } from '../../../../src-main/engine/explain/types';
import { encodeOneHot } from '../../../../src-main/engine/genomics/one-hot';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { magnifiedRelevanceWarning, massMagnification, MAX_MASS_MAGNIFICATION } from '../../../../src-main/engine/explain/pruning-warnings';

const RESOURCES = fileURLToPath(new URL('../../../../resources', import.meta.url));
const MODEL = `${RESOURCES}/models/cnn32-pair.onnx`;
const TOP = '/net/body/body.8/Relu_output_0';

function demoSequence(name: string): string {
  const block = readFileSync(`${RESOURCES}/demo/gata-tal-pair.fa`, 'utf8').split('>').find((b) => b.startsWith(`${name}\n`))!;
  return block.split('\n').slice(1).join('');
}
/** 200 bp of a uniform random sequence (Python random.seed(50000), bases 34,900–35,100). */
const RANDOM_WINDOW = 'CTTGTGTTTATGTGTCTAGCGTAGCGTCTTAGGCGAGTGAGGACACCACATGTTGTGTTCTTCGTAGCATATCCTTATGGAATCAGGCATCCTGTCGGTAGTTGCCACTGGAGATCCCGGATTAACGTCCCCGAGCGGTTCTCGAGACTAGCGCCGTATGAATAAGGCTTTAAGCACTGTCGGGTACGATCGTAACAAGA';

const cfg = (id: string, method: 'lrp' | 'plrp-lambda' | 'plrp-m', p = 0, lambda: 'total' | 'per-sign' = 'total') =>
  parseExplainConfig({ id, composite: 'epsilon-plus', method, p, lambda, threshold: lambda === 'per-sign' ? 'mass-per-sign' : 'mass' });
const sumAbs = (a: Float32Array) => a.reduce((s, v) => s + Math.abs(v), 0);
const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe.each(['ort', 'reference'] as const)('magnified PLRP relevance on the %s backend', (backend) => {
  let model: ExplainableModel;
  beforeAll(async () => { model = await openModel(MODEL, { backend }); });
  afterAll(() => model.close());

  it('flags PLRP-λ p = 0.3 on test_00008 (λ = −23 at the top point), not LRP, p = 0.5 or per-sign', async () => {
    const configs = [cfg('lrp', 'lrp'), cfg('l03', 'plrp-lambda', 0.3), cfg('l05', 'plrp-lambda', 0.5), cfg('m05', 'plrp-m', 0.5), cfg('s03', 'plrp-lambda', 0.3, 'per-sign')];
    const res = await model.explain(encodeOneHot(demoSequence('test_00008')), 1, configs, new Int32Array([-1]), { layerRelevance: true });
    const top = res.diagnostics.l03[0].find((d) => d.point === TOP)!;
    expect(top.lambda).toBeCloseTo(-23.21, 1);
    expect(massMagnification(top)).toBeCloseTo(19.56, 1);
    // Spec-conform: ΣR is conserved at the point, yet the input's ΣR is 25× LRP's.
    expect(top.sumAfter).toBeCloseTo(top.sumBefore, 5);
    expect(sum(res.relevance.l03)).toBeCloseTo(3.706, 2);
    expect(sum(res.relevance.lrp)).toBeCloseTo(0.1487, 3);
    expect(magnifiedRelevanceWarning('test_00008', 'l03', res.diagnostics.l03)).toBe(
      `PLRP magnified relevance for sequence test_00008 under explanation l03: at pruning point ${TOP} Σ|R| grew 19.6-fold ` +
      '(λ = -23.2: the kept relevance of both signs nearly cancels); the relevance below that point carries this amplification, ' +
      "so Σ R and single bases can be far off LRP's (compare with LRP; PLRP-λ with per-sign λ cannot magnify)");
    for (const id of ['lrp', 'l05', 'm05', 's03']) expect(magnifiedRelevanceWarning('test_00008', id, res.diagnostics[id])).toBeNull();
    // The new statistics are Σ|R| of the layer relevance before and after; per-sign conserves both masses.
    for (const id of ['l03', 'l05', 'm05', 's03']) {
      res.diagnostics[id][0].forEach((d, k) => {
        const layer = res.layerRelevance![id][0][k];
        expect(d.massBefore).toBeCloseTo(sumAbs(layer.before), 3);
        expect(d.massAfter).toBeCloseTo(sumAbs(layer.after), 3);
        if (id === 's03') expect(d.massAfter).toBeCloseTo(d.massBefore, 3);
      });
    }
  });

  it('flags PLRP-M p = 0.5 where a masked dense denominator nearly vanishes (random window, non-predicted class)', async () => {
    const res = await model.explain(encodeOneHot(RANDOM_WINDOW), 1, [cfg('lrp', 'lrp'), cfg('m05', 'plrp-m', 0.5)], new Int32Array([0]));
    const peak = (a: Float32Array) => Math.max(...a.map(Math.abs));
    expect(peak(res.relevance.lrp)).toBeLessThan(0.2);
    expect(peak(res.relevance.m05)).toBeGreaterThan(70);
    const flatten = res.diagnostics.m05[0].find((d) => d.point === '/net/body/body.6/Flatten_output_0')!;
    expect(massMagnification(flatten)).toBeGreaterThan(100);
    expect(magnifiedRelevanceWarning('w', 'm05', res.diagnostics.m05)).toMatch(/Flatten_output_0 Σ\|R\| grew 111-fold \(the masked rule divides by a denominator near 0\).*\(compare with LRP or PLRP-λ\)$/);
  });
});

describe('magnifiedRelevanceWarning', () => {
  const point = (massAfter: number, extra: Partial<PruningDiagnostics> = {}): PruningDiagnostics => ({
    point: 'fc_in', p: 0.5, prunedCount: 5, keptCount: 5, prunedMassFraction: 0.4, lambda: null, lambdaPos: null, lambdaNeg: null,
    signFlips: 0, sumBefore: 1, sumAfter: 1, massBefore: 2, massAfter, ...extra,
  });

  it('flags a point only above the limit, and not without relevance or with non-finite sums', () => {
    expect(MAX_MASS_MAGNIFICATION).toBe(10);
    expect(magnifiedRelevanceWarning('s', 'x', [[point(20)]])).toBeNull();
    expect(magnifiedRelevanceWarning('s', 'x', [[point(20.01)]])).toMatch(/fc_in Σ\|R\| grew 10.0-fold/);
    expect(magnifiedRelevanceWarning('s', 'x', [[point(5, { massBefore: 0 })]])).toBeNull();
    expect(magnifiedRelevanceWarning('s', 'x', [[point(Number.NaN)]])).toBeNull();
    expect(magnifiedRelevanceWarning('s', 'x', [[]])).toBeNull();
  });

  it('names the worst window of a tiled sequence and counts the others', () => {
    const windows = [[point(1)], [point(30)], [point(1), point(400, { point: 'conv_in', lambda: -180 })], [point(50)]];
    expect(magnifiedRelevanceWarning('chr1', 'l', windows)).toMatch(
      /^PLRP magnified relevance for sequence chr1 under explanation l: at pruning point conv_in in window 3 of 4 \(and 2 other windows\) Σ\|R\| grew 200-fold \(λ = -180:/);
  });
});
