// The invariants of ../shared/spec/plrp.md, checked on random sequences with a trained fixture
// CNN (cnn32: two pruning points) and the bias-free residual model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import type { ExplainableModel } from '../../../../src-main/engine/explain/types';
import { parseExplainConfig, type ExplainConfigInput } from '../../../../src-main/shared/explain-config';
import { FIXTURE_DIR, relativeL2 } from '../lrp/fixture-helpers';
import { randomOneHot, seededRandom, writeTinyResidualModel } from '../lrp/tiny-onnx';

const L = 200;
let model: ExplainableModel;
beforeAll(async () => {
  model = await openModel(`${FIXTURE_DIR}/cnn32.onnx`);
});
afterAll(() => model.close());

const cfg = (c: Omit<ExplainConfigInput, 'id'>, id = 'x') => parseExplainConfig({ id, composite: 'epsilon-plus', ...c });
const seeds = fc.integer({ min: 1, max: 1_000_000 });
const auto = (n: number) => new Int32Array(n).fill(-1);

describe('PLRP invariants', () => {
  it('p = 0 reproduces LRP bit for bit, for every method and threshold', async () => {
    await fc.assert(fc.asyncProperty(seeds, async (seed) => {
      const x = randomOneHot(seededRandom(seed), 2, L);
      const configs = [
        cfg({}, 'lrp'),
        cfg({ method: 'plrp-lambda', p: 0 }, 'l'),
        cfg({ method: 'plrp-lambda', p: 0, threshold: 'count', lambda: 'per-sign' }, 'lc'),
        cfg({ method: 'plrp-m', p: 0, threshold: 'mass-per-sign' }, 'm'),
      ];
      const res = await model.explain(x, 2, configs, auto(2));
      for (const id of ['l', 'lc', 'm']) expect(res.relevance[id]).toEqual(res.relevance.lrp);
    }), { numRuns: 5 });
  });

  it('PLRP-λ total conserves ΣR at every point; per-sign conserves both masses', async () => {
    await fc.assert(fc.asyncProperty(seeds, fc.double({ min: 0.05, max: 0.9, noNaN: true }), async (seed, p) => {
      const x = randomOneHot(seededRandom(seed), 2, L);
      const res = await model.explain(x, 2, [cfg({ method: 'plrp-lambda', p }, 't'), cfg({ method: 'plrp-lambda', p, threshold: 'mass-per-sign', lambda: 'per-sign' }, 's')], auto(2), { layerRelevance: true });
      for (const d of res.diagnostics.t.flat()) expect(Math.abs(d.sumAfter - d.sumBefore)).toBeLessThan(1e-5 * Math.max(1, Math.abs(d.sumBefore)));
      for (const layer of res.layerRelevance!.s.flat()) {
        const mass = (a: Float32Array, sign: 1 | -1) => a.reduce((s, v) => (v * sign > 0 ? s + v : s), 0);
        for (const sign of [1, -1] as const) expect(Math.abs(mass(layer.after, sign) - mass(layer.before, sign))).toBeLessThan(1e-5 * Math.max(1, Math.abs(mass(layer.before, sign))));
        expect(res.diagnostics.s.flat().every((d) => d.signFlips === 0)).toBe(true);
      }
    }), { numRuns: 5 });
  });

  it('never prunes more than p of the relevance mass (mass mode)', async () => {
    await fc.assert(fc.asyncProperty(seeds, fc.double({ min: 0.01, max: 0.95, noNaN: true }), async (seed, p) => {
      const x = randomOneHot(seededRandom(seed), 2, L);
      const res = await model.explain(x, 2, [cfg({ method: 'plrp-lambda', p }, 'l'), cfg({ method: 'plrp-m', p }, 'm')], auto(2));
      for (const d of [...res.diagnostics.l.flat(), ...res.diagnostics.m.flat()]) expect(d.prunedMassFraction).toBeLessThanOrEqual(p + 1e-9);
    }), { numRuns: 5 });
  });

  it('keeps no more entries at the topmost pruning point as p grows', async () => {
    const top = model.info.pruningPoints[model.info.pruningPoints.length - 1];
    await fc.assert(fc.asyncProperty(seeds, async (seed) => {
      const x = randomOneHot(seededRandom(seed), 1, L);
      const ps = [0, 0.1, 0.3, 0.5, 0.7, 0.9];
      const res = await model.explain(x, 1, ps.map((p, i) => cfg({ method: 'plrp-lambda', p }, `p${i}`)), auto(1), { layerRelevance: true });
      const nonZero = ps.map((_, i) => res.layerRelevance![`p${i}`][0].find((l) => l.point === top)!.after.filter((v) => v !== 0).length);
      for (let i = 1; i < nonZero.length; i++) expect(nonZero[i]).toBeLessThanOrEqual(nonZero[i - 1]);
    }), { numRuns: 4 });
  });

  it('never prunes the network input (nor the first layer\'s input)', async () => {
    expect(model.info.pruningPoints).not.toContain(model.info.inputName);
    const first = model.info.layers.find((l) => l.kind !== 'other')!;
    expect(first.pruningPoint).toBe(false);
    const res = await model.explain(randomOneHot(seededRandom(3), 1, L), 1, [cfg({ method: 'plrp-m', p: 0.9 })], auto(1), { layerRelevance: true });
    expect(res.layerRelevance!.x[0].map((l) => l.point)).toEqual(model.info.pruningPoints);
  });

  it('gives each sample of a batch its single-sample result (PLRP-λ and PLRP-M, residual graph too)', async () => {
    const residual = await openModel(writeTinyResidualModel({ lengthBp: 64, withBias: true, seed: 5 }));
    for (const [m, len] of [[model, L], [residual, 64]] as const) {
      const n = 4;
      const x = randomOneHot(seededRandom(21), n, len);
      const configs = [cfg({ method: 'plrp-lambda', p: 0.4 }, 'l'), cfg({ method: 'plrp-m', p: 0.4, composite: 'epsilon' }, 'm')];
      const batch = await m.explain(x, n, configs, auto(n));
      for (let b = 0; b < n; b++) {
        const one = await m.explain(x.slice(b * len * 4, (b + 1) * len * 4), 1, configs, auto(1));
        for (const id of ['l', 'm']) {
          const part = batch.relevance[id].subarray(b * len * 4, (b + 1) * len * 4);
          one.relevance[id].forEach((v, i) => expect(part[i]).toBeCloseTo(v, 5));
        }
      }
    }
    await residual.close();
  });
});

describe('PLRP thresholds in the generated graph', () => {
  it.each([['mass', 'total'], ['mass-per-sign', 'per-sign'], ['count', 'total']] as const)('cut where the TypeScript reference cuts (%s), up to p = 1', async (threshold, lambda) => {
    const ref = await openModel(`${FIXTURE_DIR}/cnn32.onnx`, { backend: 'reference' });
    const x = randomOneHot(seededRandom(99), 3, L);
    const configs = [0.05, 0.5, 0.95, 0.999, 1].flatMap((p, i) => [
      cfg({ method: 'plrp-lambda', p, threshold, lambda }, `l${i}`),
      cfg({ method: 'plrp-m', p, threshold }, `m${i}`),
    ]);
    const a = await model.explain(x, 3, configs, auto(3));
    const b = await ref.explain(x, 3, configs, auto(3));
    for (const c of configs) {
      // Same pruned counts per sample and point, and the same relevance up to float32 rounding.
      expect(a.diagnostics[c.id].map((d) => d.map((x) => x.prunedCount))).toEqual(b.diagnostics[c.id].map((d) => d.map((x) => x.prunedCount)));
      // The rest of the diagnostics too: sign flips exactly, sums up to float32 summation order.
      a.diagnostics[c.id].forEach((sample, i) => sample.forEach((got, j) => {
        const want = b.diagnostics[c.id][i][j];
        expect(got.signFlips, `${c.id} sign flips`).toBe(want.signFlips);
        for (const key of ['prunedMassFraction', 'sumBefore', 'sumAfter', 'lambda'] as const) {
          const [x, y] = [got[key] ?? 0, want[key] ?? 0];
          expect(Math.abs(x - y), `${c.id} ${key}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(y)));
        }
      }));
      expect(relativeL2(a.relevance[c.id], b.relevance[c.id])).toBeLessThan(1e-4);
    }
    await ref.close();
  });
});
