// An install without the native kernels (no C++ compiler, so npm install skipped the addon): the
// engine says why they are not used and explains as plain ONNX nodes, with the reference's results.
// Vitest runs each test file in its own worker, so pointing PLRP_NATIVE_ADDON at a missing file
// here leaves every other file on the kernels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import type { ExplainableModel } from '../../../../src-main/engine/explain/types';
import { nativeKernelsStatus } from '../../../../src-main/engine/runtime/native-kernels';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { FIXTURE_DIR, relativeL2 } from '../lrp/fixture-helpers';

const MISSING = '/nonexistent/plrp_ort_kernels.node';

describe('without the native kernels', () => {
  let plain: ExplainableModel;
  let reference: ExplainableModel;
  beforeAll(async () => {
    process.env.PLRP_NATIVE_ADDON = MISSING;
    plain = await openModel(`${FIXTURE_DIR}/cnn32.onnx`);
    reference = await openModel(`${FIXTURE_DIR}/cnn32.onnx`, { backend: 'reference' });
  });
  afterAll(async () => {
    await plain.close();
    await reference.close();
    delete process.env.PLRP_NATIVE_ADDON;
  });

  it('says the addon is not built, naming the file and how to build it', () => {
    const status = nativeKernelsStatus();
    expect(status.available).toBe(false);
    expect(status.detail).toContain(MISSING);
    expect(status.detail).toContain('npm install builds it');
  });

  it('explains LRP, PLRP-λ and PLRP-M as plain ONNX nodes, as the reference does', async () => {
    const L = 200;
    const x = new Float32Array(4 * L * 4);
    for (let s = 0; s < 4; s++) for (let i = 0; i < L; i++) x[(s * L + i) * 4 + ((i * (s + 3)) % 4)] = 1;
    const configs = [
      parseExplainConfig({ id: 'lrp', composite: 'epsilon-plus' }),
      parseExplainConfig({ id: 'lambda', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }),
      parseExplainConfig({ id: 'm', composite: 'epsilon-plus', method: 'plrp-m', p: 0.3 }),
    ];
    const targets = new Int32Array(4).fill(-1);
    const a = await plain.explain(x, 4, configs, targets);
    const b = await reference.explain(x, 4, configs, targets);
    for (const c of configs) expect(relativeL2(a.relevance[c.id], b.relevance[c.id]), c.id).toBeLessThan(1e-4);
  });
});
