// Memory-safe batches: the explain worker never hands ONNX Runtime more windows in one call than the
// model's measured batchLimit (ModelInfo.batchLimit), and splitting a batch into several calls
// changes no result. The worker task runs in-process here; openModel is wrapped only to read the
// limit from the test and to record each call's batch size — the model and ORT are real.
import { Piscina } from 'piscina';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { ExplainableModel } from '../../src-main/engine/explain/types';
import { batchLimit, windowsPerCall } from '../../src-main/engine/explain/model-probe';
import type { ExplainTask, ExplainTaskResult } from '../../src-main/engine/pool/explain-task';
import type { TaskOutcome } from '../../src-main/engine/pool/task-outcome';
import { parseExplainConfig } from '../../src-main/shared/explain-config';
import { floatInitializer, makeNode } from '../../src-main/engine/lrp/onnx/node-factory';
import { onnx } from '../../src-main/engine/onnx/proto';
import { ACTIVATION_BUDGET_BYTES } from '../../src-main/engine/onnx/limits';
import { seededRandom } from '../unit/engine/lrp/tiny-onnx';

const probe = vi.hoisted(() => ({ limit: undefined as number | undefined, explainCalls: [] as number[], predictCalls: [] as number[] }));

vi.mock('../../src-main/engine/explain/open-model', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/engine/explain/open-model')>();
  return {
    ...real,
    openModel: async (...args: Parameters<typeof real.openModel>): Promise<ExplainableModel> => {
      const m = await real.openModel(...args);
      return {
        get info() { return { ...m.info, batchLimit: probe.limit ?? m.info.batchLimit }; },
        predict: (x, n) => { probe.predictCalls.push(n); return m.predict(x, n); },
        explain: (x, n, c, t, o) => { probe.explainCalls.push(n); return m.explain(x, n, c, t, o); },
        close: () => m.close(),
      };
    },
  };
});

const { default: explainTask } = await import('../../src-main/engine/pool/explain-worker');
const { openModel } = await import('../../src-main/engine/explain/open-model');

const CNN32 = fileURLToPath(new URL('../fixtures/lrp/cnn32.onnx', import.meta.url));

function letters(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += 'ACGT'[Math.floor(rand() * 4)];
  return s;
}

async function run(limit: number | undefined): Promise<{ result: ExplainTaskResult; explainCalls: number[]; predictCalls: number[] }> {
  probe.limit = limit;
  probe.explainCalls = [];
  probe.predictCalls = [];
  const rand = seededRandom(11);
  // 200-bp model: short (padded), exact and long (tiled, predicted target over all windows) sequences.
  const lengths = [150, 200, 200, 330, 470, 200, 90, 610];
  const task: ExplainTask = {
    modelPath: CNN32,
    modelSha256: 'memory-safe-batches',
    sequences: lengths.map((n, idx) => ({ idx, letters: letters(rand, n), groundTruth: null })),
    configs: [parseExplainConfig({ id: 'lrp', composite: 'epsilon-plus' }), parseExplainConfig({ id: 'plrp', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 })],
    target: 'predicted',
    metrics: [],
    cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
  };
  const raw = (await explainTask(task)) as Record<symbol, unknown>;
  const outcome = (raw[Piscina.valueSymbol] ?? raw) as TaskOutcome<ExplainTaskResult>;
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { result: outcome.value, explainCalls: probe.explainCalls, predictCalls: probe.predictCalls };
}

describe('memory-safe batches', () => {
  it('a model whose batchLimit is 3 is explained in calls of at most 3 windows, with results identical to one call', async () => {
    const one = await run(undefined);
    const split = await run(3);
    const windows = one.explainCalls.reduce((a, b) => a + b, 0);
    expect(one.explainCalls).toEqual([windows]);
    expect(windows).toBeGreaterThan(8); // the long sequences are tiled
    expect(Math.max(...split.explainCalls)).toBe(3);
    expect(split.explainCalls.reduce((a, b) => a + b, 0)).toBe(windows);
    expect(split.explainCalls.length).toBe(Math.ceil(windows / 3));
    expect(Math.max(...split.predictCalls)).toBeLessThanOrEqual(3);
    expect(split.result.sequences.map((s) => s.target)).toEqual(one.result.sequences.map((s) => s.target));
    split.result.sequences.forEach((s, i) => {
      const o = one.result.sequences[i];
      expect(Array.from(s.logits)).toEqual(Array.from(o.logits));
      for (const [k, e] of s.explanations.entries()) {
        expect(e.configId).toBe(o.explanations[k].configId);
        expect(Array.from(e.relevance)).toEqual(Array.from(o.explanations[k].relevance));
        expect(e.diagnostics).toEqual(o.explanations[k].diagnostics);
      }
    });
  });

  it('windowsPerCall caps at 64, at the measured limit, and rescales an any-length limit to the window', () => {
    expect(windowsPerCall({ lengthBp: 200 }, 200)).toBe(64);
    expect(windowsPerCall({ lengthBp: 200, batchLimit: 5000 }, 200)).toBe(64);
    expect(windowsPerCall({ lengthBp: 200, batchLimit: 3 }, 200)).toBe(3);
    // Measured at the 1000-bp probe: twice the window, half the windows; never fewer than one.
    expect(windowsPerCall({ lengthBp: -1, batchLimit: 10 }, 2000)).toBe(5);
    expect(windowsPerCall({ lengthBp: -1, batchLimit: 10 }, 100)).toBe(64);
    expect(windowsPerCall({ lengthBp: -1, batchLimit: 1 }, 50_000)).toBe(1);
  });

  it('a model with large activations gets a batchLimit under 64 from its measured activations, and windows per call follow it', async () => {
    probe.limit = undefined; // the real measured limit, not the test's override
    const m = await openModel(writeWideModel(2048));
    try {
      // Conv + Relu outputs: 2 × 2048 channels × 1000 bp × 4 B per sequence, plus the input and pooled logits.
      const measured = 2 * 2048 * 1000 * 4;
      expect(m.info.batchLimit).toBeLessThan(64);
      expect(m.info.batchLimit).toBeLessThanOrEqual(batchLimit(measured));
      expect(m.info.batchLimit).toBeGreaterThanOrEqual(Math.floor(ACTIVATION_BUDGET_BYTES / (3 * measured * 1.01)));
      expect(windowsPerCall(m.info, 1000)).toBe(m.info.batchLimit);
    } finally {
      await m.close();
    }
  });
});

/** Any-length [N, 4, L] → Conv(channels, k3) → Relu → GlobalMaxPool → Flatten → Gemm(1): wide activations, few weights. */
function writeWideModel(channels: number): string {
  const rand = seededRandom(5);
  const w = (n: number) => Float32Array.from({ length: n }, () => rand() * 2 - 1);
  const nodes = [
    makeNode('Conv', ['x', 'w1'], ['c1'], 'conv', { kernel_shape: [3], pads: [1, 1] }),
    makeNode('Relu', ['c1'], ['r1'], 'relu'),
    makeNode('GlobalMaxPool', ['r1'], ['g'], 'gmp'),
    makeNode('Flatten', ['g'], ['f'], 'flatten', { axis: 1 }),
    makeNode('Gemm', ['f', 'w2'], ['y'], 'dense', { transB: 1 }),
  ];
  const init = [floatInitializer('w1', [channels, 4, 3], w(channels * 12)), floatInitializer('w2', [1, channels], w(channels))];
  const dims = (d: (number | string)[]) => ({ dim: d.map((v) => (typeof v === 'string' ? { dimParam: v } : { dimValue: v })) });
  const graph = onnx.GraphProto.create({
    name: 'wide', node: nodes, initializer: init,
    input: [onnx.ValueInfoProto.create({ name: 'x', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: dims(['N', 4, 'L']) } } })],
    output: [onnx.ValueInfoProto.create({ name: 'y', type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: dims(['N', 1]) } } })],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], producerName: 'plrp-tests', graph });
  const path = join(mkdtempSync(join(tmpdir(), 'plrp-wide-')), 'wide.onnx');
  writeFileSync(path, onnx.ModelProto.encode(model).finish());
  return path;
}
