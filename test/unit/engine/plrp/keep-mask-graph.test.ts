// The generated graph's PLRP keep mask against the TypeScript reference (../../plrp/keep-mask), on
// rows built to break a threshold search: ties at the cut, zeros, one entry, all equal, a dynamic
// range of 10^30, a single crossing bin crowded with near-equal values. Both ways the graph finds
// the mass cut are checked: the histogram (default, opset ≥ 13 models) and the full sort (older opsets).
import { describe, expect, it } from 'vitest';
import { onnx } from '../../../../src-main/engine/onnx/proto';
import { SegmentBuilder } from '../../../../src-main/engine/lrp/onnx/segment-builder';
import { OnnxPruning } from '../../../../src-main/engine/lrp/onnx/onnx-pruning';
import type { MassCutStrategy } from '../../../../src-main/engine/lrp/onnx/mass-cut';
import { keepMask } from '../../../../src-main/engine/plrp/keep-mask';
import { redistributeLambda } from '../../../../src-main/engine/plrp/lambda';
import { PRUNE_STATS, pruneStatsOnHost } from '../../../../src-main/engine/plrp/prune-stats';
import type { LambdaMode, ThresholdMode } from '../../../../src-main/shared/explain-config';
import { HARD_CASES, hardRows, identityModel, M, randomRows, referenceKeepMask, runOnRows } from './pruning-rows';

function graphKeepMask(rows: Float32Array[], p: number, mode: ThresholdMode, strategy: MassCutStrategy, opset = 13): Promise<Float32Array> {
  return runOnRows(rows, opset, 'keep', (b, r) => new OnnxPruning(b, strategy).keepMask(r, p, mode));
}

/** The graph's per-row statistics [rows, PRUNE_STATS] of PLRP-λ at one point. */
function graphStats(rows: Float32Array[], p: number, mode: ThresholdMode, lambda: LambdaMode): Promise<Float32Array> {
  return runOnRows(rows, 13, 'stats', (b, r) => {
    const pruning = new OnnxPruning(b);
    const keep = pruning.keepMask(r, p, mode);
    return pruning.pruneStats(r, pruning.redistributeLambda(r, keep, lambda).after, keep);
  });
}

describe('PLRP keep mask in the generated graph', () => {
  const rows = hardRows();
  it.each(['histogram', 'sort'] as const)('prunes exactly what the reference prunes (%s)', async (strategy) => {
    for (const [mode, p] of HARD_CASES) {
      const got = await graphKeepMask(rows, p, mode, strategy);
      const want = referenceKeepMask(rows, p, mode);
      for (let r = 0; r < rows.length; r++) {
        expect(Array.from(got.subarray(r * M, (r + 1) * M)), `${strategy} ${mode} p=${p} row ${r}`).toEqual(Array.from(want.subarray(r * M, (r + 1) * M)));
      }
    }
  });

  it.each([['mass', 'total'], ['mass-per-sign', 'per-sign']] as const)('states the pruned and total mass and ΣR the reference states (%s)', async (mode, lambda) => {
    const columns = ['prunedCount', 'keptCount', 'prunedMass', 'totalMass', 'sumBefore', 'sumAfter'] as const;
    for (const p of [0.01, 0.3, 0.9, 0.999, 1 - 1e-8]) {
      const got = await graphStats(rows, p, mode, lambda);
      rows.forEach((row, r) => {
        const keep = keepMask(row, p, mode);
        const want = pruneStatsOnHost({ dims: [1, M], data: row }, { dims: [1, M], data: redistributeLambda(row, keep, lambda) }, { dims: [1, M], data: keep }).data;
        const mass = want[PRUNE_STATS.indexOf('totalMass')];
        for (const c of columns) {
          const i = PRUNE_STATS.indexOf(c);
          // The masses come from double sums in another order: equal up to float32 rounding of Σ|R|.
          expect(Math.abs(got[r * PRUNE_STATS.length + i] - want[i]), `${mode} p=${p} row ${r} ${c}`).toBeLessThanOrEqual(1e-6 * mass);
        }
      });
    }
  });

  it('prunes what the reference prunes on random rows of pruning-point sizes (histogram)', async () => {
    for (const m of [70, 1600, 3200]) {
      const random = randomRows(m);
      for (const mode of ['mass', 'mass-per-sign'] as const) {
        for (const p of [0.05, 0.3, 0.8, 0.97]) {
          const got = await graphKeepMask(random, p, mode, 'histogram');
          const want = referenceKeepMask(random, p, mode);
          random.forEach((_, r) => expect(Array.from(got.subarray(r * m, (r + 1) * m)), `${m} ${mode} p=${p} row ${r}`).toEqual(Array.from(want.subarray(r * m, (r + 1) * m))));
        }
      }
    }
  });

  it('falls back to the full sort for a model whose opset cannot be raised (opset 11)', async () => {
    const got = await graphKeepMask(rows, 0.3, 'mass', 'histogram', 11);
    expect(Array.from(got)).toEqual(Array.from(referenceKeepMask(rows, 0.3, 'mass')));
  });

  it('raises the generated graph to opset 16 only when the histogram needs it', () => {
    const opsetOf = (strategy: MassCutStrategy, modelOpset: number) => {
      const b = new SegmentBuilder(identityModel(M, modelOpset));
      b.observe('keep', new OnnxPruning(b, strategy).keepMask(b.original('y', [-1, M]), 0.3, 'mass'));
      const model = onnx.ModelProto.decode(b.finish().segments[0].bytes);
      return Number(model.opsetImport[0].version);
    };
    expect(opsetOf('histogram', 13)).toBe(16);
    expect(opsetOf('sort', 13)).toBe(13);
    expect(opsetOf('histogram', 11)).toBe(11);
    expect(opsetOf('histogram', 17)).toBe(17);
  });
});
