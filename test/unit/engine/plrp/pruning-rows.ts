// Rows built to break a threshold search, and a harness that runs one pruning point over them:
// shared by the tests of both in-graph PLRP implementations (plain ONNX nodes, native kernels)
// against the TypeScript reference (src-main/engine/plrp/keep-mask.ts).
import { onnx, type IModelProto } from '../../../../src-main/engine/onnx/proto';
import { makeNode, valueInfo } from '../../../../src-main/engine/lrp/onnx/node-factory';
import { SegmentBuilder, type Sym } from '../../../../src-main/engine/lrp/onnx/segment-builder';
import { keepMask } from '../../../../src-main/engine/plrp/keep-mask';
import type { ThresholdMode } from '../../../../src-main/shared/explain-config';
import { createSession, ort } from '../../../../src-main/engine/runtime/ort';
import { createNativeSession } from '../../../../src-main/engine/runtime/native-kernels';
import { seededRandom } from '../lrp/tiny-onnx';

/** A model that only passes its [N, M] input through: the builder needs a base graph. */
export function identityModel(m: number, opset: number): IModelProto {
  const graph = onnx.GraphProto.create({
    name: 'identity', node: [makeNode('Identity', ['r'], ['y'], 'id')],
    input: [valueInfo('r', 'float32', [-1, m])], output: [valueInfo('y', 'float32', [-1, m])],
  });
  return { irVersion: 7, opsetImport: [{ domain: '', version: opset }], graph };
}

/**
 * Builds a graph over rows of `m` entries with `observe`, runs it on `rows` (on the native
 * kernels' runtime when the graph has their nodes) and returns the observed `key`.
 */
export async function runOnRows(rows: Float32Array[], opset: number, key: string, observe: (b: SegmentBuilder, r: Sym) => Sym): Promise<Float32Array> {
  const m = rows[0].length;
  const b = new SegmentBuilder(identityModel(m, opset));
  b.observe(key, observe(b, b.original('y', [-1, m])));
  const built = b.finish();
  const bytes = built.segments[0].bytes;
  const session = built.usesNativeKernels ? await createNativeSession(bytes, `${key} test graph`, 2) : await createSession(bytes, `${key} test graph`);
  const data = new Float32Array(rows.length * m);
  rows.forEach((row, i) => data.set(row, i * m));
  const out = await session.run({ r: new ort.Tensor('float32', data, [rows.length, m]) }, [built.observed.get(key)!]);
  await session.release();
  return out[built.observed.get(key)!].data as Float32Array;
}

export function referenceKeepMask(rows: Float32Array[], p: number, mode: ThresholdMode): Float32Array {
  const out = new Float32Array(rows.length * rows[0].length);
  rows.forEach((r, i) => out.set(keepMask(r, p, mode), i * r.length));
  return out;
}

export const M = 300;

/** Ties at the cut, zeros, one entry, all equal, 30 decades, one crowded bin, one empty sign group. */
export function hardRows(): Float32Array[] {
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

/**
 * 32 random rows of `m` entries, of four kinds: skewed signed values, half zeros under 17
 * decades, a few levels with many ties, and near-equal values crowding one bin.
 */
export function randomRows(m: number, seed = 42): Float32Array[] {
  const rand = seededRandom(seed);
  const kinds = [
    () => (rand() - 0.4) ** 3,
    () => (rand() < 0.5 ? 0 : Math.exp(20 * (rand() - 0.5)) * (rand() < 0.3 ? -1 : 1)),
    () => Math.round(rand() * 8) / 8 - 0.3,
    () => 1 + Math.floor(rand() * 5) * 1e-6,
  ];
  return Array.from({ length: 32 }, (_, i) => Float32Array.from({ length: m }, kinds[i % kinds.length]));
}

/** p values for the hard rows; p = 1 − 10⁻⁸: ORT's optimizer drops a Mul by a constant that close to 1. */
export const HARD_CASES = (['mass', 'mass-per-sign', 'count'] as const).flatMap((mode) => [0.01, 0.3, 0.5, 0.9, 0.999, 1 - 1e-8, 1].map((p) => [mode, p] as const));
