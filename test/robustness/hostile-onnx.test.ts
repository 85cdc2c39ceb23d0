// Hostile ONNX models built in TypeScript: each would exhaust memory, read files outside the model,
// or give meaningless relevance; each must be refused at load with a message naming the file and
// the tensor or node, before any allocation of the claimed size — and `plrp inspect` exits 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onnx, DataType, type INodeProto, type ITensorProto } from '../../src-main/engine/onnx/proto';
import { floatInitializer, makeNode, valueInfo } from '../../src-main/engine/lrp/onnx/node-factory';
import { openModel } from '../../src-main/engine/explain/open-model';
import { MAX_GRAPH_DEPTH } from '../../src-main/engine/onnx/limits';
import { runCli } from '../unit/cli/cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'plrp-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Spec {
  nodes?: INodeProto[];
  init?: ITensorProto[];
  inputDims?: number[];
  outputs?: number;
}

/** x [N,4,L] → Conv(w, 8 ch, k3) → Relu → Flatten → Gemm(d) → y; parts replaceable. */
function writeModel(name: string, s: Spec = {}): string {
  const L = 16;
  const k = s.outputs ?? 2;
  const init = s.init ?? [
    floatInitializer('w', [8, 4, 3], Float32Array.from({ length: 96 }, (_, i) => Math.sin(i))),
    floatInitializer('d', [k, 8 * L], Float32Array.from({ length: k * 8 * L }, (_, i) => Math.cos(i))),
  ];
  const nodes = s.nodes ?? [
    makeNode('Conv', ['x', 'w'], ['c'], 'conv', { kernel_shape: [3], pads: [1, 1] }),
    makeNode('Relu', ['c'], ['r'], 'relu'),
    makeNode('Flatten', ['r'], ['f'], 'flatten', { axis: 1 }),
    makeNode('Gemm', ['f', 'd'], ['y'], 'dense', { transB: 1 }),
  ];
  const graph = onnx.GraphProto.create({
    name, node: nodes, initializer: init,
    input: [valueInfo('x', 'float32', s.inputDims ?? [-1, 4, L])], output: [valueInfo('y', 'float32', [-1, k])],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'hostile', graph });
  const path = join(dir, `${name}.onnx`);
  writeFileSync(path, onnx.ModelProto.encode(model).finish());
  return path;
}

const conv = (w: ITensorProto) => [w, floatInitializer('d', [2, 128], new Float32Array(256).fill(0.1))];

async function refusal(path: string): Promise<{ code: string; message: string }> {
  try {
    const m = await openModel(path);
    await m.close();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error(`${path} was accepted`);
}

describe('hostile ONNX models are refused up front', () => {
  it('a well-formed control model loads (so the refusals below are about the hostile part)', async () => {
    const m = await openModel(writeModel('control'));
    expect(m.info.outputSize).toBe(2);
    expect(m.info.batchLimit).toBeGreaterThan(1000);
    await m.close();
  });

  it('an initializer with absurd dimensions is a RESOURCE_LIMIT naming the tensor', async () => {
    const w = onnx.TensorProto.create({ name: 'w', dims: [1e9, 1e9, 3], dataType: DataType.FLOAT, rawData: new Uint8Array(16) });
    const r = await refusal(writeModel('absurd-dims', { init: conv(w) }));
    expect(r.code).toBe('RESOURCE_LIMIT');
    expect(r.message).toMatch(/absurd-dims\.onnx: initializer 'w'.*over the limit/);
  });

  it('an initializer whose raw data is shorter than its dims claim is refused as corrupt', async () => {
    const w = onnx.TensorProto.create({ name: 'w', dims: [8, 4, 3], dataType: DataType.FLOAT, rawData: new Uint8Array(16) });
    const r = await refusal(writeModel('short-raw', { init: conv(w) }));
    expect(r.code).toBe('BAD_MODEL');
    expect(r.message).toMatch(/initializer 'w': holds 16 bytes .* claim 384/);
  });

  it('typed float_data of one value under dims of 100 million elements is refused without allocating them', async () => {
    const w = onnx.TensorProto.create({ name: 'w', dims: [100_000_000], dataType: DataType.FLOAT, floatData: [1] });
    const before = process.memoryUsage().rss;
    const r = await refusal(writeModel('typed-short', { init: conv(w) }));
    expect(r.code).toBe('BAD_MODEL');
    expect(r.message).toMatch(/'w'.*holds 1 values/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 ** 2);
  });

  it('a negative dimension is refused, not passed to a typed-array constructor', async () => {
    const w = onnx.TensorProto.create({ name: 'w', dims: [-8, 4, 3], dataType: DataType.FLOAT, floatData: [] });
    const r = await refusal(writeModel('negative-dim', { init: conv(w) }));
    expect(r.message).toMatch(/initializer 'w': invalid dimension -8/);
  });

  it(`a graph deeper than ${MAX_GRAPH_DEPTH} nodes is refused`, async () => {
    const depth = MAX_GRAPH_DEPTH + 10;
    const nodes = [makeNode('Conv', ['x', 'w'], ['h0'], 'conv', { kernel_shape: [3], pads: [1, 1] })];
    for (let i = 0; i < depth; i++) nodes.push(makeNode('Relu', [`h${i}`], [`h${i + 1}`], `relu${i}`));
    nodes.push(makeNode('Flatten', [`h${depth}`], ['f'], 'flatten', { axis: 1 }), makeNode('Gemm', ['f', 'd'], ['y'], 'dense', { transB: 1 }));
    const started = performance.now();
    const r = await refusal(writeModel('deep', { nodes }));
    expect(r.code).toBe('RESOURCE_LIMIT');
    expect(r.message).toMatch(/deep\.onnx: the graph is \d+ nodes deep/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('weights in an external file (here outside the model folder) are never read', async () => {
    const w = onnx.TensorProto.create({
      name: 'w', dims: [8, 4, 3], dataType: DataType.FLOAT, dataLocation: 1,
      externalData: [{ key: 'location', value: '../../../../etc/passwd' }, { key: 'length', value: '384' }],
    });
    const r = await refusal(writeModel('external', { init: conv(w) }));
    expect(r.code).toBe('BAD_MODEL');
    expect(r.message).toMatch(/initializer 'w': weights are stored in an external file \('\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd'\)/);
  });

  it('NaN and Inf weights are refused naming the tensor and index', async () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const data = new Float32Array(96).fill(0.1);
      data[17] = bad;
      const r = await refusal(writeModel(`nonfinite-${bad}`, { init: conv(floatInitializer('w', [8, 4, 3], data)) }));
      expect(r.message).toMatch(new RegExp(`initializer 'w': weight 17 is ${bad}`));
    }
  });

  it('an input of a billion bp is refused before a probe tensor of that size is allocated', async () => {
    const r = await refusal(writeModel('huge-input', { inputDims: [-1, 4, 1_000_000_000] }));
    expect(r.code).toBe('RESOURCE_LIMIT');
    expect(r.message).toMatch(/huge-input\.onnx: input 'x' has a dimension of 1000000000/);
  });

  it('a model whose one sequence exceeds the activation budget is refused with the estimate', async () => {
    const L = 4_000_000;
    const nodes = [
      makeNode('Conv', ['x', 'w'], ['c'], 'conv', { kernel_shape: [1] }),
      makeNode('GlobalAveragePool', ['c'], ['g'], 'mean'),
      makeNode('Flatten', ['g'], ['y'], 'flatten', { axis: 1 }),
    ];
    const w = floatInitializer('w', [64, 4, 1], new Float32Array(256).fill(0.1));
    const r = await refusal(writeModel('wide', { nodes, init: [w], inputDims: [-1, 4, L], outputs: 64 }));
    expect(r.code).toBe('RESOURCE_LIMIT');
    expect(r.message).toMatch(/wide\.onnx: one 4000000-bp sequence needs about [\d.]+ GiB of activations/);
  });

  it('a model whose output does not depend on its input is refused at load', async () => {
    const zero = floatInitializer('w', [8, 4, 3], new Float32Array(96));
    const bias = floatInitializer('b', [2], Float32Array.of(0.3, -0.2));
    const nodes = [
      makeNode('Conv', ['x', 'w'], ['c'], 'conv', { kernel_shape: [3], pads: [1, 1] }),
      makeNode('Relu', ['c'], ['r'], 'relu'),
      makeNode('Flatten', ['r'], ['f'], 'flatten', { axis: 1 }),
      makeNode('Gemm', ['f', 'd', 'b'], ['y'], 'dense', { transB: 1 }),
    ];
    const r = await refusal(writeModel('constant', { nodes, init: [zero, floatInitializer('d', [2, 128], new Float32Array(256).fill(0.1)), bias] }));
    expect(r.code).toBe('BAD_MODEL');
    expect(r.message).toMatch(/constant\.onnx: the model's output does not depend on its input/);
  });

  it('plrp inspect exits 2 with the message and no stack trace for a hostile model', async () => {
    const w = onnx.TensorProto.create({ name: 'w', dims: [1e9, 1e9, 3], dataType: DataType.FLOAT, rawData: new Uint8Array(16) });
    const path = writeModel('cli-absurd', { init: conv(w) });
    const r = await runCli(['inspect', '--model', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cli-absurd\.onnx: initializer 'w'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
