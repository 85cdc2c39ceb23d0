// The native PLRP kernels (native/ort-kernels) against the TypeScript reference: the same rows that
// break a threshold search as for the plain-ONNX pruning (./keep-mask-graph.test.ts), every
// threshold and λ mode, keep masks exactly, λ, R̃ and the statistics up to double-sum order. The
// kernels are part of the product: this test fails when they were not built or cannot load.
import { describe, expect, it } from 'vitest';
import { NativePruning } from '../../../../src-main/engine/lrp/onnx/native-pruning';
import { keepMask } from '../../../../src-main/engine/plrp/keep-mask';
import { lambdaValues, redistributeLambda } from '../../../../src-main/engine/plrp/lambda';
import { PRUNE_STATS, pruneStatsOnHost } from '../../../../src-main/engine/plrp/prune-stats';
import type { LambdaMode, ThresholdMode } from '../../../../src-main/shared/explain-config';
import { nativeKernelsStatus } from '../../../../src-main/engine/runtime/native-kernels';
import { HARD_CASES, hardRows, identityModel, randomRows, referenceKeepMask, runOnRows } from './pruning-rows';
import { SegmentBuilder } from '../../../../src-main/engine/lrp/onnx/segment-builder';
import { makeNode, valueInfo } from '../../../../src-main/engine/lrp/onnx/node-factory';
import { onnx } from '../../../../src-main/engine/onnx/proto';
import { createNativeSession } from '../../../../src-main/engine/runtime/native-kernels';
import { ort } from '../../../../src-main/engine/runtime/ort';

const STATS = PRUNE_STATS.length;

function nativeKeep(rows: Float32Array[], p: number, mode: ThresholdMode): Promise<Float32Array> {
  return runOnRows(rows, 13, 'keep', (b, r) => new NativePruning(b, 2).keepMask(r, p, mode));
}

/** PLRP-λ on the kernels: the fused node's R̃, λ and statistics. */
async function nativeLambda(rows: Float32Array[], p: number, mode: ThresholdMode, lambda: LambdaMode) {
  const point = (b: Parameters<Parameters<typeof runOnRows>[3]>[0], r: Parameters<Parameters<typeof runOnRows>[3]>[1]) => {
    const pruning = new NativePruning(b, 2);
    const keep = pruning.keepMask(r, p, mode);
    const result = pruning.redistributeLambda(r, keep, lambda);
    return { ...result, stats: pruning.pruneStats(r, result.after, keep) };
  };
  return {
    after: await runOnRows(rows, 13, 'after', (b, r) => point(b, r).after),
    lambda: await runOnRows(rows, 13, 'lambda', (b, r) => point(b, r).lambda),
    stats: await runOnRows(rows, 13, 'stats', (b, r) => point(b, r).stats),
  };
}

function expectRowsEqual(got: Float32Array, want: Float32Array, m: number, label: string): void {
  for (let r = 0; r < got.length / m; r++) expect(Array.from(got.subarray(r * m, (r + 1) * m)), `${label} row ${r}`).toEqual(Array.from(want.subarray(r * m, (r + 1) * m)));
}

/** Statistics within double-sum order of the reference (relative to the row's Σ|R|, counts exact). */
function expectStatsClose(got: Float32Array, rows: Float32Array[], keeps: Float32Array[], afters: Float32Array[], label: string): void {
  rows.forEach((row, r) => {
    const m = row.length;
    const want = pruneStatsOnHost({ dims: [1, m], data: row }, { dims: [1, m], data: afters[r] }, { dims: [1, m], data: keeps[r] }).data;
    const mass = want[PRUNE_STATS.indexOf('totalMass')];
    PRUNE_STATS.forEach((column, c) => {
      const tolerance = column.endsWith('Count') || column === 'signFlips' ? 0 : 1e-6 * Math.max(mass, Math.abs(want[c]));
      expect(Math.abs(got[r * STATS + c] - want[c]), `${label} row ${r} ${column}`).toBeLessThanOrEqual(tolerance);
    });
  });
}

describe('native PLRP kernels', () => {
  it('are built and load on the ONNX Runtime onnxruntime-node ships', () => {
    const status = nativeKernelsStatus();
    expect(status.detail).toMatch(/^native PLRP kernels on ONNX Runtime \d+\.\d+/);
    expect(status.available).toBe(true);
  });

  it('prune exactly what the reference prunes on the hard rows (every threshold, p up to 1)', async () => {
    const rows = hardRows();
    for (const [mode, p] of HARD_CASES) expectRowsEqual(await nativeKeep(rows, p, mode), referenceKeepMask(rows, p, mode), rows[0].length, `${mode} p=${p}`);
  });

  it('prune exactly what the reference prunes on random rows of pruning-point sizes (short rows are sorted whole)', async () => {
    for (const m of [32, 70, 1600, 3200]) {
      const rows = randomRows(m, m);
      for (const mode of ['mass', 'mass-per-sign', 'count'] as const) {
        for (const p of [0.05, 0.3, 0.8, 0.97]) expectRowsEqual(await nativeKeep(rows, p, mode), referenceKeepMask(rows, p, mode), m, `${m} ${mode} p=${p}`);
      }
    }
  });

  it.each([['mass', 'total'], ['mass', 'per-sign'], ['mass-per-sign', 'per-sign'], ['count', 'total']] as const)(
    'redistribute as PLRP-λ does: R̃, λ and the statistics of the reference (%s, λ %s)',
    async (mode, lambdaMode) => {
      for (const rows of [hardRows(), randomRows(1600, 7)]) {
        for (const p of [0.01, 0.3, 0.9, 1 - 1e-8]) {
          const got = await nativeLambda(rows, p, mode, lambdaMode);
          const keeps = rows.map((row) => keepMask(row, p, mode));
          const afters = rows.map((row, r) => redistributeLambda(row, keeps[r], lambdaMode));
          const m = rows[0].length;
          rows.forEach((row, r) => {
            const label = `${mode}/${lambdaMode} p=${p} row ${r}`;
            // λ from double sums in another order: equal to float32 rounding (a λ of 1e7 still agrees to 1e-6).
            const want = lambdaValues(row, keeps[r], lambdaMode);
            const [l0, l1] = lambdaMode === 'total' ? [want.lambda!, Number.NaN] : [want.lambdaPos!, want.lambdaNeg!];
            for (const [g, w] of [[got.lambda[r * 2], l0], [got.lambda[r * 2 + 1], l1]]) {
              if (Number.isNaN(w)) expect(g, label).toBeNaN();
              else expect(Math.abs(g - w), label).toBeLessThanOrEqual(1e-6 * Math.abs(w));
            }
            const gotAfter = got.after.subarray(r * m, (r + 1) * m);
            const wrong = afters[r].findIndex((w, i) => (gotAfter[i] === 0) !== (w === 0) || Math.abs(gotAfter[i] - w) > 1e-6 * Math.abs(w));
            expect(wrong, `${label}: R̃ differs first at entry ${wrong}`).toBe(-1);
          });
          expectStatsClose(got.stats, rows, keeps, afters, `${mode}/${lambdaMode} p=${p}`);
        }
      }
    },
  );

  it('cut rows with NaN or ∞ as the reference does (a NaN prunes nothing; ∞ alone makes Σ ∞), every threshold', async () => {
    const base = randomRows(300, 13).slice(0, 3);
    const rows = [
      Float32Array.from(base[0], (v, i) => (i === 5 ? Number.NaN : v)),
      Float32Array.from(base[1], (v, i) => (i % 50 === 0 ? Number.POSITIVE_INFINITY : v)),
      Float32Array.from(base[2], (v, i) => (i === 7 ? Number.NaN : i === 9 ? Number.NEGATIVE_INFINITY : v)),
      Float32Array.from({ length: 10 }, (_, i) => (i === 3 ? Number.NaN : i - 4)), // a short row: sorted, not binned
    ];
    for (const row of rows) {
      for (const mode of ['mass', 'mass-per-sign', 'count'] as const) {
        for (const p of [0.1, 0.5, 0.95]) expectRowsEqual(await nativeKeep([row], p, mode), referenceKeepMask([row], p, mode), row.length, `${row.length} ${mode} p=${p}`);
      }
    }
  });

  it('keep rows with NaN and ∞ in their histogram: the rows around them cut as the reference does', async () => {
    const normal = randomRows(300, 11).slice(0, 2);
    const broken = Float32Array.from(normal[0], (v, i) => (i % 7 === 0 ? Number.NaN : i % 11 === 0 ? Number.POSITIVE_INFINITY : i % 13 === 0 ? Number.NEGATIVE_INFINITY : v));
    const rows = [normal[0], broken, normal[1]];
    for (const p of [0.1, 0.5]) {
      const got = await nativeKeep(rows, p, 'mass');
      const want = referenceKeepMask([normal[0], normal[1]], p, 'mass');
      expect(Array.from(got.subarray(0, 300))).toEqual(Array.from(want.subarray(0, 300)));
      expect(Array.from(got.subarray(600, 900))).toEqual(Array.from(want.subarray(300, 600)));
    }
  });

  it('count statistics for any before/after/keep, as PLRP-M needs them', async () => {
    const rows = randomRows(800, 3);
    const keeps = rows.map((row) => keepMask(row, 0.4, 'mass'));
    // A stand-in for PLRP-M's re-propagated relevance: kept entries change, some of them sign.
    const afters = rows.map((row, r) => Float32Array.from(row, (v, i) => (keeps[r][i] ? (i % 5 === 0 ? -2 * v : 1.5 * v) : 0)));
    const stats = await runOnRows(rows, 13, 'stats', (b, r) => {
      const keep = b.node('Identity', [b.constFloat(Float32Array.from(keeps.flatMap((k) => Array.from(k))), [rows.length, 800])], r.dims);
      const after = b.node('Identity', [b.constFloat(Float32Array.from(afters.flatMap((a) => Array.from(a))), [rows.length, 800])], r.dims);
      return new NativePruning(b, 2).pruneStats(r, after, keep);
    });
    expectStatsClose(stats, rows, keeps, afters, 'PLRP-M stand-in');
  });

  it('keep everything at p = 0, zeros included, as the reference does', async () => {
    const rows = hardRows();
    for (const mode of ['mass', 'mass-per-sign', 'count'] as const) expectRowsEqual(await nativeKeep(rows, 0, mode), referenceKeepMask(rows, 0, mode), rows[0].length, `${mode} p=0`);
  });

  it('finish a run whose session is released while it runs', async () => {
    const m = 3200;
    const rows = randomRows(m, 9);
    const b = new SegmentBuilder(identityModel(m, 13));
    b.observe('keep', new NativePruning(b, 2).keepMask(b.original('y', [-1, m]), 0.3, 'mass'));
    const built = b.finish();
    const session = await createNativeSession(built.segments[0].bytes, 'release test graph', 2);
    const data = new Float32Array(rows.length * m);
    rows.forEach((row, i) => data.set(row, i * m));
    const running = session.run({ r: new ort.Tensor('float32', data, [rows.length, m]) }, [built.observed.get('keep')!]);
    await session.release();
    const out = await running;
    expectRowsEqual(out[built.observed.get('keep')!].data as Float32Array, referenceKeepMask(rows, 0.3, 'mass'), m, 'released mid-run');
  });

  it('refuse to read an output of an element type they do not know, naming it, instead of reading past it', async () => {
    const graph = onnx.GraphProto.create({
      name: 'int8-output', node: [makeNode('Cast', ['r'], ['y'], 'cast', { to: 3 })],
      input: [valueInfo('r', 'float32', [-1, 4])],
      output: [onnx.ValueInfoProto.create({ name: 'y', type: { tensorType: { elemType: 3 } } })],
    });
    const bytes = onnx.ModelProto.encode({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], graph }).finish();
    const session = await createNativeSession(bytes, 'int8 test graph', 1);
    await expect(session.run({ r: new ort.Tensor('float32', new Float32Array(8), [2, 4]) }, ['y'])).rejects.toThrow(/element type 3/);
    await session.release();
  });
});
