// MaxPool routing when a window's maximum is tied: relevance must go to the first maximum only
// (as PyTorch's gradient, hence zennit), or it is counted twice. Ties are not exotic: a tiled
// region padded with N (all-zero one-hot) or a repeat gives equal activations in a window.
// Both generated graphs are checked against the TypeScript reference on windows of 2, 3, 4 and 25,
// including an unpooled tail (cnn32's 190 positions by 4): the native kernels' PlrpMaxRoute, and
// plain ONNX nodes (MaxPool's own indices + MaxUnpool) for installs without the kernels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import type { ExplainableModel } from '../../../../src-main/engine/explain/types';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { FIXTURE_DIR, relativeL2 } from './fixture-helpers';

/** One-hot [n, L, 4]: sequence 0 ends in 120 N, sequence 1 is a period-2 repeat, sequence 2 both. */
function tiedInputs(L: number): Float32Array {
  const x = new Float32Array(3 * L * 4);
  const set = (s: number, i: number, base: number) => { x[(s * L + i) * 4 + base] = 1; };
  for (let i = 0; i < L; i++) {
    if (i < 0.4 * L) set(0, i, (i * 7 + 3) % 4);
    set(1, i, i % 2 === 0 ? 0 : 3);
    if (i >= L / 2) set(2, i, i % 2 === 0 ? 2 : 1);
  }
  return x;
}

/**
 * Name, model, length, tolerance (relative L2). A tie sent to the wrong position moves a whole
 * window's relevance; basset's PLRP-M differs by 1.2e-5 from float32 sums over 300 filters alone.
 */
const MODELS = [
  ['cnn4 (pool 4)', `${FIXTURE_DIR}/cnn4.onnx`, 200, 1e-5],
  ['cnn32 (pools 4, 50)', `${FIXTURE_DIR}/cnn32.onnx`, 200, 1e-5],
  ['deep-multitask (pools 2, 2, 2, 25)', 'resources/models/deep-multitask.onnx', 200, 1e-5],
  ['basset-600 (pools 3, 4, 4)', 'test/fixtures/models/basset-600.onnx', 600, 1e-4],
] as const;

describe.each(MODELS)('MaxPool ties on %s', (_name, path, L, tolerance) => {
  let native: ExplainableModel;
  let plainOnnx: ExplainableModel;
  let reference: ExplainableModel;
  beforeAll(async () => {
    native = await openModel(path);
    plainOnnx = await openModel(path, { nativeKernels: false });
    reference = await openModel(path, { backend: 'reference' });
  });
  afterAll(async () => {
    await native.close();
    await plainOnnx.close();
    await reference.close();
  });

  it.each([['native kernels', () => native], ['plain ONNX nodes', () => plainOnnx]] as const)('routes each window to its first maximum, as the reference does (%s)', async (_path, ortModel) => {
    const ort = ortModel();
    const x = tiedInputs(L);
    const configs = [parseExplainConfig({ id: 'lrp', composite: 'epsilon-plus' }), parseExplainConfig({ id: 'plrp', composite: 'epsilon-plus', method: 'plrp-m', p: 0.3 })];
    const targets = new Int32Array(3).fill(-1);
    const a = await ort.explain(x, 3, configs, targets);
    const b = await reference.explain(x, 3, configs, targets);
    for (const c of configs) {
      for (let s = 0; s < 3; s++) {
        const span = [s * L * 4, (s + 1) * L * 4] as const;
        expect(relativeL2(a.relevance[c.id].subarray(...span), b.relevance[c.id].subarray(...span)), `${c.id} sequence ${s}`).toBeLessThan(tolerance);
      }
    }
  });
});
