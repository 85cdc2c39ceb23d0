// The generated graph's PLRP keep mask against the TypeScript reference (../../plrp/keep-mask), on
// rows built to break a threshold search: ties at the cut, zeros, one entry, all equal, a dynamic
// range of 10^30, a single crossing bin crowded with near-equal values. Both ways the graph finds
// the mass cut are checked: the histogram (default, opset ≥ 13 models) and the full sort (older opsets).
import { describe, expect, it } from 'vitest';
import { onnx, type IModelProto } from '../../../../src-main/engine/onnx/proto';
import { makeNode, valueInfo } from '../../../../src-main/engine/lrp/onnx/node-factory';
import { SegmentBuilder, type Sym } from '../../../../src-main/engine/lrp/onnx/segment-builder';
import { OnnxPruning } from '../../../../src-main/engine/lrp/onnx/onnx-pruning';
import type { MassCutStrategy } from '../../../../src-main/engine/lrp/onnx/mass-cut';
import { keepMask } from '../../../../src-main/engine/plrp/keep-mask';
import { redistributeLambda } from '../../../../src-main/engine/plrp/lambda';
import { PRUNE_STATS, pruneStatsOnHost } from '../../../../src-main/engine/plrp/prune-stats';
import type { LambdaMode, ThresholdMode } from '../../../../src-main/shared/explain-config';
import { createSession, ort } from '../../../../src-main/engine/runtime/ort';
import { seededRandom } from '../lrp/tiny-onnx';

/** A model that only passes its [N, M] input through: the builder needs a base graph. */
function identityModel(m: number, opset: number): IModelProto {
  const graph = onnx.GraphProto.create({
    name: 'identity', node: [makeNode('Identity', ['r'], ['y'], 'id')],
    input: [valueInfo('r', 'float32', [-1, m])], output: [valueInfo('y', 'float32', [-1, m])],
  });
  return { irVersion: 7, opsetImport: [{ domain: '', version: opset }], graph };
}

/** Builds a graph over rows of `m` entries with `observe`, runs it on `rows` and returns the observed `key`. */
async function runOnRows(rows: Float32Array[], opset: number, key: string, observe: (b: SegmentBuilder, r: Sym) => Sym): Promise<Float32Array> {
  const m = rows[0].length;
  const b = new SegmentBuilder(identityModel(m, opset));
  b.observe(key, observe(b, b.original('y', [-1, m])));
  const built = b.finish();
  const session = await createSession(built.segments[0].bytes, `${key} test graph`);
  const data = new Float32Array(rows.length * m);
  rows.forEach((row, i) => data.set(row, i * m));
  const out = await session.run({ r: new ort.Tensor('float32', data, [rows.length, m]) }, [built.observed.get(key)!]);
  await session.release();
  return out[built.observed.get(key)!].data as Float32Array;
}

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

function referenceKeepMask(rows: Float32Array[], p: number, mode: ThresholdMode): Float32Array {
  const out = new Float32Array(rows.length * rows[0].length);
  rows.forEach((r, i) => out.set(keepMask(r, p, mode), i * r.length));
  return out;
}

const M = 300;
function hardRows(): Float32Array[] {
  const rand = seededRandom(5);
  const rows: Float32Array[] = [];
  const row = (f: (i: number) => number) => rows.push(Float32Array.from({ length: M }, (_, i) => f(i)));
  row(() => 0); // all zero
  row((i) => (i === 17 ? 3 : 0)); // one entry carries everything
  row(() => 0.25); // all equal: the cut falls inside a tie
  row((i) => (i % 3 === 0 ? 0 : (rand() - 0.5) * 2)); // zeros between signed values
  row(() => 10 ** (-15 + 30 * rand()) * (rand() < 0.5 ? -1 : 1)); // 30 decades
  row((i) => 1 + (i % 7) * 1e-7); // one crowded bin of near-equal values with ties
  row((i) => (i < 10 ? 100 : 1e-3 * rand())); // a few giants over dust
  row(() => -Math.abs(rand())); // negative only: one mass-per-sign group is empty
  row(() => Math.round(rand() * 4) / 4); // small set of distinct values, many ties
  for (let s = 0; s < 6; s++) row(() => (rand() - 0.3) ** 3); // random, skewed
  return rows;
}

describe('PLRP keep mask in the generated graph', () => {
  const rows = hardRows();
  // p = 1 − 10⁻⁸: ORT's optimizer drops a Mul by a constant that close to 1 (the budget became Σ).
  const cases = (['mass', 'mass-per-sign', 'count'] as const).flatMap((mode) => [0.01, 0.3, 0.5, 0.9, 0.999, 1 - 1e-8, 1].map((p) => [mode, p] as const));
  it.each(['histogram', 'sort'] as const)('prunes exactly what the reference prunes (%s)', async (strategy) => {
    for (const [mode, p] of cases) {
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
    const rand = seededRandom(42);
    // Four kinds of row: skewed signed values, half zeros under 17 decades, a few levels with many
    // ties, and near-equal values crowding one bin.
    const kinds = [
      () => (rand() - 0.4) ** 3,
      () => (rand() < 0.5 ? 0 : Math.exp(20 * (rand() - 0.5)) * (rand() < 0.3 ? -1 : 1)),
      () => Math.round(rand() * 8) / 8 - 0.3,
      () => 1 + Math.floor(rand() * 5) * 1e-6,
    ];
    for (const m of [70, 1600, 3200]) {
      const randomRows = Array.from({ length: 32 }, (_, i) => Float32Array.from({ length: m }, kinds[i % kinds.length]));
      for (const mode of ['mass', 'mass-per-sign'] as const) {
        for (const p of [0.05, 0.3, 0.8, 0.97]) {
          const got = await graphKeepMask(randomRows, p, mode, 'histogram');
          const want = referenceKeepMask(randomRows, p, mode);
          randomRows.forEach((_, r) => expect(Array.from(got.subarray(r * m, (r + 1) * m)), `${m} ${mode} p=${p} row ${r}`).toEqual(Array.from(want.subarray(r * m, (r + 1) * m))));
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
