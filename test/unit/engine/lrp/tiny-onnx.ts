// Small ONNX genome models built in TypeScript for property tests (seeded random weights), so
// invariants can be checked on graphs the fixtures do not cover (bias-free, residual, dense-only).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onnx } from '../../../../src-main/engine/onnx/proto';
import { floatInitializer, makeNode, valueInfo } from '../../../../src-main/engine/lrp/onnx/node-factory';
import { mulberry32 } from '../../../../src-main/engine/metrics/rng';

/** The engine's seeded mulberry32 (src-main/engine/metrics/rng), as a bare draw function. */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed).next;
}

function randomArray(rand: () => number, n: number, scale: number): Float32Array {
  return Float32Array.from({ length: n }, () => (rand() * 2 - 1) * scale);
}

export interface TinyModelOptions {
  lengthBp: number;
  withBias: boolean;
  seed: number;
  outputs?: number;
}

/**
 * input [N,4,L] → Conv(8,k5) → Relu → Conv(8,k3) → Relu → Add(residual) → MaxPool(4)
 * → Flatten → Gemm(outputs). Returns the path of the written .onnx file.
 */
export function writeTinyResidualModel(o: TinyModelOptions): string {
  const rand = seededRandom(o.seed);
  const L = o.lengthBp;
  const out = o.outputs ?? 2;
  const init = [
    floatInitializer('w1', [8, 4, 5], randomArray(rand, 8 * 4 * 5, 0.6)),
    floatInitializer('w2', [8, 8, 3], randomArray(rand, 8 * 8 * 3, 0.4)),
    floatInitializer('w3', [out, 8 * (L / 4)], randomArray(rand, out * 8 * (L / 4), 0.3)),
  ];
  if (o.withBias) {
    init.push(floatInitializer('b1', [8], randomArray(rand, 8, 0.2)), floatInitializer('b2', [8], randomArray(rand, 8, 0.2)), floatInitializer('b3', [out], randomArray(rand, out, 0.2)));
  }
  const bias = (name: string) => (o.withBias ? [name] : []);
  const nodes = [
    makeNode('Conv', ['x', 'w1', ...bias('b1')], ['c1'], 'conv1', { kernel_shape: [5], pads: [2, 2] }),
    makeNode('Relu', ['c1'], ['r1'], 'relu1'),
    makeNode('Conv', ['r1', 'w2', ...bias('b2')], ['c2'], 'conv2', { kernel_shape: [3], pads: [1, 1] }),
    makeNode('Relu', ['c2'], ['r2'], 'relu2'),
    makeNode('Add', ['r1', 'r2'], ['s'], 'residual'),
    makeNode('MaxPool', ['s'], ['m'], 'pool', { kernel_shape: [4], strides: [4] }),
    makeNode('Flatten', ['m'], ['f'], 'flatten', { axis: 1 }),
    makeNode('Gemm', ['f', 'w3', ...bias('b3')], ['y'], 'dense', { transB: 1 }),
  ];
  const graph = onnx.GraphProto.create({
    name: 'tiny', node: nodes, initializer: init,
    input: [valueInfo('x', 'float32', [-1, 4, L])], output: [valueInfo('y', 'float32', [-1, out])],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], producerName: 'plrp-tests', graph });
  const dir = mkdtempSync(join(tmpdir(), 'plrp-tiny-'));
  const path = join(dir, `tiny-${o.seed}-${o.withBias ? 'bias' : 'nobias'}.onnx`);
  writeFileSync(path, onnx.ModelProto.encode(model).finish());
  return path;
}

export function randomOneHot(rand: () => number, n: number, lengthBp: number): Float32Array {
  const x = new Float32Array(n * lengthBp * 4);
  for (let i = 0; i < n * lengthBp; i++) x[i * 4 + Math.floor(rand() * 4)] = 1;
  return x;
}

export function sum(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
}
