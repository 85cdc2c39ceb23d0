// The definition of done for the relevance engine: every fixture case computed by zennit 0.5.1
// (and the PLRP cases computed from plrp.md) is reproduced within relative L2 1e-3, the spec's bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import type { ExplainableModel } from '../../../../src-main/engine/explain/types';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { caseLabel, FIXTURE_MODELS, loadFixture, relativeL2, type FixtureCase } from './fixture-helpers';

function configOf(c: FixtureCase, id: string) {
  return parseExplainConfig({
    id, composite: c.composite, epsilon: c.params.epsilon, stabilizer: c.params.stabilizer, gamma: c.params.gamma,
    method: c.method, p: c.p ?? 0, threshold: c.threshold ?? 'mass', lambda: c.lambda ?? 'total',
  });
}

describe.each(FIXTURE_MODELS)('fixture model %s', (name) => {
  const { fixture, onnxPath, onehot, n } = loadFixture(name);
  let ortModel: ExplainableModel;
  let graphModel: ExplainableModel;
  let refModel: ExplainableModel;
  beforeAll(async () => {
    ortModel = await openModel(onnxPath);
    // Plain ONNX nodes (MaxUnpool routing, pruning nodes): the path when the native kernels are not built.
    graphModel = await openModel(onnxPath, { nativeKernels: false });
    refModel = await openModel(onnxPath, { backend: 'reference' });
  });
  afterAll(async () => {
    await ortModel.close();
    await graphModel.close();
    await refModel.close();
  });

  it('predicts exactly what the fixture recorded from ONNX Runtime (head included)', async () => {
    const { output, logits } = await ortModel.predict(onehot, n);
    expect(relativeL2(output, fixture.model_output.flat())).toBeLessThan(1e-5);
    expect(relativeL2(logits, fixture.logits.flat())).toBeLessThan(1e-5);
  });

  it.each(fixture.cases.map((c) => [caseLabel(c), c] as const))('matches %s within relative L2 1e-3', async (_label, c) => {
    const res = await ortModel.explain(onehot, n, [configOf(c, 'case')], Int32Array.from(fixture.targets));
    expect(Array.from(res.targets)).toEqual(fixture.targets);
    expect(relativeL2(res.relevance.case, c.relevance.flat(2))).toBeLessThan(1e-3);
  });

  it.each(fixture.cases.map((c) => [caseLabel(c), c] as const))('matches %s within relative L2 1e-3 as plain ONNX nodes (no native kernels)', async (_label, c) => {
    const res = await graphModel.explain(onehot, n, [configOf(c, 'case')], Int32Array.from(fixture.targets));
    expect(relativeL2(res.relevance.case, c.relevance.flat(2))).toBeLessThan(1e-3);
  });

  it('gives the same relevance on the reference (TypeScript) backend as on ONNX Runtime', async () => {
    const configs = fixture.cases.map((c, i) => configOf(c, `c${i}`));
    const targets = Int32Array.from(fixture.targets);
    const a = await ortModel.explain(onehot, n, configs, targets);
    const b = await refModel.explain(onehot, n, configs, targets);
    // Both run in float32 with different summation orders; 1e-4 leaves room for that and
    // nothing for a wrong rule (those differ at order 1).
    for (const c of configs) expect(relativeL2(a.relevance[c.id], b.relevance[c.id])).toBeLessThan(1e-4);
  });
});
