import { describe, expect, it } from 'vitest';
import type { ExplainConfig } from '../../../../src-main/shared/explain-config';
import type { ExplainableModel, ExplainBatchResult, ModelInfo } from '../../../../src-main/engine/explain/types';
import { computeMetrics } from '../../../../src-main/engine/metrics/compute-metrics';
import { lipschitzFromExplanations, lipschitzNeighbours } from '../../../../src-main/engine/metrics/local-lipschitz';
import { deriveSeed } from '../../../../src-main/engine/metrics/rng';
import { runModelSweep, type HeldOutSet } from '../../../../src-main/engine/reproduce/run-sweep';
import { sweepPlan } from '../../../../src-main/engine/reproduce/sweep-configs';

const L = 24;

/**
 * An analytic ExplainableModel: logit = Σ W ⊙ x, relevance W ⊙ x; "PLRP" zeroes the positions
 * holding the smallest p of the |r| mass and rescales (a per-position stand-in for pruning).
 */
function linearExplainable(w: Float32Array, calls: number[]): ExplainableModel {
  const logitsOf = (x: Float32Array, n: number) =>
    Float32Array.from({ length: n }, (_, b) => w.reduce((s, v, i) => s + v * x[b * L * 4 + i], 0));
  const relevanceOf = (x: Float32Array, n: number, c: ExplainConfig) => {
    const out = Float32Array.from(x, (v, i) => v * w[i % (L * 4)]);
    const p = typeof c.p === 'number' ? c.p : 0;
    if (c.method === 'lrp' || p === 0) return out;
    for (let b = 0; b < n; b++) {
      const r = out.subarray(b * L * 4, (b + 1) * L * 4);
      const total = r.reduce((s, v) => s + Math.abs(v), 0);
      const order = [...r.keys()].filter((i) => r[i] !== 0).sort((a, z) => Math.abs(r[a]) - Math.abs(r[z]));
      let cut = 0;
      for (const i of order) {
        if (cut + Math.abs(r[i]) > p * total) break;
        cut += Math.abs(r[i]);
        r[i] = 0;
      }
      const kept = total - cut;
      if (kept > 0) for (let i = 0; i < r.length; i++) r[i] *= total / kept;
    }
    return out;
  };
  return {
    info: { lengthBp: L, outputSize: 1, sha256: 'f00d' } as ModelInfo,
    predict: async (x, n) => {
      const logits = logitsOf(x, n);
      return { output: logits, logits };
    },
    explain: async (x, n, configs, targets): Promise<ExplainBatchResult> => {
      calls.push(n);
      const logits = logitsOf(x, n);
      const relevance: Record<string, Float32Array> = {};
      for (const c of configs) relevance[c.id] = relevanceOf(x, n, c);
      return { output: logits, logits, targets, relevance, diagnostics: {} };
    },
    close: async () => {},
  };
}

function heldOut(count: number): HeldOutSet {
  const onehot = new Float32Array(count * L * 4);
  const groundTruth: Uint8Array[] = [];
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < L; i++) onehot[(s * L + i) * 4 + ((i * 5 + s * 3) % 4)] = 1;
    const gt = new Uint8Array(L);
    gt.fill(1, 4 + s, 10 + s);
    groundTruth.push(gt);
  }
  return { names: Array.from({ length: count }, (_, s) => `seq${s}`), lengthBp: L, onehot, groundTruth };
}

describe('runModelSweep', () => {
  const w = Float32Array.from({ length: L * 4 }, (_, i) => (Math.floor(i / 4) >= 4 && Math.floor(i / 4) < 12 ? 2 : 0.1) * Math.cos(i));
  const data = heldOut(5);
  const plan = sweepPlan([0, 0.2, 0.5]);

  it('summarises every (method, p) point exactly as the per-sequence metrics give them', async () => {
    const calls: number[] = [];
    const sweep = await runModelSweep('linear', linearExplainable(w, calls), data, plan, { target: 0, seed: 3, chunk: 2 });
    expect(sweep.rows.map((r) => `${r.method}@${r.p}`)).toEqual(plan.points.map((p) => `${p.method}@${p.p}`));
    // The LRP row, recomputed by hand from the metrics library.
    const model = linearExplainable(w, []);
    const gini: number[] = [];
    const lip: number[] = [];
    for (let s = 0; s < 5; s++) {
      const x = data.onehot.subarray(s * L * 4, (s + 1) * L * 4);
      const r = (await model.explain(x, 1, plan.configs, Int32Array.of(0))).relevance.lrp;
      gini.push((await computeMetrics({ relevance: r, onehot: x, lengthBp: L }, ['gini'])).gini!);
      const nb = lipschitzNeighbours(x, L, { seed: deriveSeed(3, s) });
      const around = (await model.explain(nb.batch, nb.samples, plan.configs, new Int32Array(nb.samples))).relevance.lrp;
      lip.push(lipschitzFromExplanations(r, around, nb.distances, L));
    }
    const lrp = sweep.rows.find((r) => r.method === 'lrp' && r.p === 0)!;
    expect(lrp.metrics.gini!.mean).toBeCloseTo(gini.reduce((a, b) => a + b) / 5, 12);
    expect(lrp.metrics.lipschitz!.mean).toBeCloseTo(lip.reduce((a, b) => a + b) / 5, 12);
    expect(lrp.metrics.rma!.n).toBe(5);
    // PLRP at p = 0 is LRP; pruning makes the stand-in sparser.
    const lam = (p: number) => sweep.rows.find((r) => r.method === 'plrp-lambda' && r.p === p)!.metrics;
    expect(lam(0)).toEqual(lrp.metrics);
    expect(lam(0.5).gini!.mean).toBeGreaterThan(lam(0.2).gini!.mean);
    expect(lam(0.2).gini!.mean).toBeGreaterThan(lrp.metrics.gini!.mean);
    // One explain() per chunk of sequences plus one per sequence for its 20 shared neighbours.
    expect(calls).toEqual([2, 20, 20, 2, 20, 20, 1, 20]);
    expect(sweep.recommended.map((r) => r.method)).toEqual(['plrp-lambda', 'plrp-m']);
  });

  it('stops with CANCELLED when its signal is aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      runModelSweep('linear', linearExplainable(w, []), data, plan, { target: 0, seed: 3, signal: ac.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
