// Receptive fields of the fixture models, computed by hand from their layers (kernel k, stride s,
// dilation d: field += (k − 1)·d·jump, jump ·= s; a dense layer after a flatten or a global pool
// sees the whole input), and the any-length case, where the field is the widest local feature.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../../src-main/engine/model/analyze';
import { receptiveField } from '../../../../src-main/engine/model/receptive-field';
import { buildGraph } from '../../../../src-main/engine/onnx/graph';
import { onnx } from '../../../../src-main/engine/onnx/proto';
import { readModelFile } from '../../../../src-main/engine/onnx/read-model';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import { floatInitializer, makeNode, valueInfo } from '../../../../src-main/engine/lrp/onnx/node-factory';
import { seededRandom } from '../lrp/tiny-onnx';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

async function fieldOf(path: string) {
  const { model } = await readModelFile(path);
  return receptiveField(analyzeGraph(buildGraph(model, path)));
}

/** "op:bp" for every conv, pooling and dense unit, in execution order ("*" = sees the whole input). */
function perLayer(f: Awaited<ReturnType<typeof fieldOf>>): string[] {
  return f.units.filter((u) => /Conv|Pool|Gemm|MatMul/.test(u.opType)).map((u) => `${u.opType}:${u.bp}${u.whole ? '*' : ''}`);
}

const CASES: [string, number, string[]][] = [
  // conv k11 → 11; pool 4 → 11+3 = 14 (jump 4); conv k5 → 14+4·4 = 30; pool 50 → 30+49·4 = 226, capped at 200; dense: all.
  ['lrp/cnn32.onnx', 200, ['Conv:11', 'MaxPool:14', 'Conv:30', 'MaxPool:200', 'Gemm:200*', 'Gemm:200*']],
  ['lrp/cnn4.onnx', 200, ['Conv:11', 'MaxPool:14', 'Gemm:200*']],
  // conv k9 → 9; avg pool 4 → 12 (jump 4); conv k5 dilation 2 → 12+4·2·4 = 44; pool 50 → 240, capped.
  ['lrp/cnn-bn-nlc.onnx', 200, ['Conv:9', 'AveragePool:12', 'Conv:44', 'MaxPool:200', 'Gemm:200*']],
  // conv k7 → 7; conv k3 → 9; residual Add → max(7, 9) = 9; avg pool 4 → 12.
  ['lrp/resnet-lite.onnx', 200, ['Conv:7', 'Conv:9', 'AveragePool:12', 'Gemm:200*']],
  // tf2onnx: Transpose → conv k9 → 9; pool 4 → 12; Transpose+Reshape flatten → MatMul dense sees all.
  ['models/keras-nlc.onnx', 200, ['Conv:9', 'MaxPool:12', 'MatMul:200*', 'MatMul:200*']],
  // conv k9 → 9; conv k5 stride 2 dilation 2 → 9+4·2 = 17; global average pool: all.
  ['models/torch-bn-separate.onnx', 200, ['Conv:9', 'Conv:17', 'GlobalAveragePool:200*', 'Gemm:200*']],
  // branches k3 → 3 and k11 → 11; Concat → 11; mix k3 → 13; Add(13, 11) → 13; pool 8 → 20.
  ['models/residual-concat.onnx', 200, ['Conv:3', 'Conv:11', 'Conv:13', 'MaxPool:20', 'Gemm:200*']],
  // Basset: k19 → 19; pool 3 → 21 (jump 3); k11 → 21+30 = 51; pool 4 → 60 (jump 12); k7 → 60+72 = 132; pool 4 → 168.
  ['models/basset-600.onnx', 600, ['Conv:19', 'MaxPool:21', 'Conv:51', 'MaxPool:60', 'Conv:132', 'MaxPool:168', 'Gemm:600*', 'Gemm:600*']],
];

describe('receptiveField', () => {
  it.each(CASES)('%s: the output sees %i bp and every layer its hand-computed field', async (file, outputBp, layers) => {
    const f = await fieldOf(join(FIXTURES, file));
    expect(f.bp).toBe(outputBp);
    expect(f.wholeInput).toBe(true);
    expect(perLayer(f)).toEqual(layers);
  });

  it('an any-length model with global pooling reports the widest local feature', async () => {
    const f = await fieldOf(writeAnyLengthModel());
    // conv k9 → 9; pool 4 → 12 (jump 4); conv k5 dilation 3 → 12+4·3·4 = 60; global max pool.
    expect(perLayer(f)).toEqual(['Conv:9', 'MaxPool:12', 'Conv:60', 'GlobalMaxPool:60*', 'Gemm:60*']);
    expect(f.bp).toBe(60);
    expect(f.wholeInput).toBe(true);
  });

  it('openModel puts the output and per-layer fields into ModelInfo', async () => {
    const m = await openModel(join(FIXTURES, 'lrp/cnn32.onnx'));
    try {
      expect(m.info.receptiveFieldBp).toBe(200);
      expect(m.info.receptiveFieldWholeInput).toBe(true);
      const convs = m.info.layers.filter((l) => l.opType === 'Conv').map((l) => l.receptiveFieldBp);
      expect(convs).toEqual([11, 30]);
    } finally {
      await m.close();
    }
  });

  it('an any-length model opens with its local field as ModelInfo.receptiveFieldBp', async () => {
    const m = await openModel(writeAnyLengthModel());
    try {
      expect(m.info.lengthBp).toBe(-1);
      expect(m.info.receptiveFieldBp).toBe(60);
    } finally {
      await m.close();
    }
  });
});

/** [N, 4, L] → Conv(6,k9) → Relu → MaxPool(4) → Conv(6,k5,dilation 3) → Relu → GlobalMaxPool → Flatten → Gemm(2). */
function writeAnyLengthModel(): string {
  const rand = seededRandom(7);
  const w = (n: number) => Float32Array.from({ length: n }, () => rand() * 2 - 1);
  const nodes = [
    makeNode('Conv', ['x', 'w1', 'b1'], ['c1'], 'conv1', { kernel_shape: [9], pads: [4, 4] }),
    makeNode('Relu', ['c1'], ['r1'], 'relu1'),
    makeNode('MaxPool', ['r1'], ['p1'], 'pool1', { kernel_shape: [4], strides: [4] }),
    makeNode('Conv', ['p1', 'w2', 'b2'], ['c2'], 'conv2', { kernel_shape: [5], dilations: [3], pads: [6, 6] }),
    makeNode('Relu', ['c2'], ['r2'], 'relu2'),
    makeNode('GlobalMaxPool', ['r2'], ['g'], 'gmp'),
    makeNode('Flatten', ['g'], ['f'], 'flatten', { axis: 1 }),
    makeNode('Gemm', ['f', 'w3', 'b3'], ['y'], 'dense', { transB: 1 }),
  ];
  const init = [
    floatInitializer('w1', [6, 4, 9], w(6 * 4 * 9)), floatInitializer('b1', [6], w(6)),
    floatInitializer('w2', [6, 6, 5], w(6 * 6 * 5)), floatInitializer('b2', [6], w(6)),
    floatInitializer('w3', [2, 6], w(12)), floatInitializer('b3', [2], w(2)),
  ];
  const input = onnx.ValueInfoProto.create({ name: 'x', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimValue: 4 }, { dimParam: 'L' }] } } } });
  const graph = onnx.GraphProto.create({ name: 'any-length', node: nodes, initializer: init, input: [input], output: [valueInfo('y', 'float32', [-1, 2])] });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], producerName: 'plrp-tests', graph });
  const path = join(mkdtempSync(join(tmpdir(), 'plrp-rf-')), 'any-length.onnx');
  writeFileSync(path, onnx.ModelProto.encode(model).finish());
  return path;
}
