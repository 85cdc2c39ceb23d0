// Models exported differently from the zennit fixtures (tf2onnx-style channels-last with MatMul+Add,
// PyTorch with BatchNorm kept separate and the Shape→Gather→…→Reshape chain, residual + Concat)
// load and explain; unsupported ones fail before any computation with the node, op and file named.
// Expectations live next to each model in test/fixtures/models/*.json (written by
// scripts/dev/make_test_models.py).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openModel } from '../../../../src-main/engine/explain/open-model';
import { isAppError } from '../../../../src-main/shared/errors';
import { parseExplainConfig } from '../../../../src-main/shared/explain-config';
import { relativeL2 } from '../lrp/fixture-helpers';
import { randomOneHot, seededRandom } from '../lrp/tiny-onnx';

const DIR = fileURLToPath(new URL('../../../fixtures/models', import.meta.url));

interface Sidecar {
  file: string;
  layout?: 'NCL' | 'NLC';
  length?: number;
  head?: string;
  expect: { status: 'supported' } | { status: 'error'; code: string; op?: string; node?: string };
}

const sidecars = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.startsWith('basset'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Sidecar);

describe.each(sidecars.map((s) => [s.file, s] as const))('%s', (file, sidecar) => {
  const path = join(DIR, file);
  if (sidecar.expect.status === 'supported') {
    it('loads with the recorded layout and length, and both backends agree on every composite', async () => {
      const ort = await openModel(path);
      const ref = await openModel(path, { backend: 'reference' });
      expect(ort.info.layout).toBe(sidecar.layout);
      expect(ort.info.lengthBp).toBe(sidecar.length);
      const n = 3;
      const x = randomOneHot(seededRandom(1), n, ort.info.lengthBp);
      const configs = ['epsilon', 'epsilon-plus', 'epsilon-gamma-box', 'epsilon-alpha2-beta1', 'epsilon-plus-flat'].map((c) => parseExplainConfig({ id: c, composite: c }));
      configs.push(parseExplainConfig({ id: 'plrp-m', composite: 'epsilon-plus', method: 'plrp-m', p: 0.3 }));
      const targets = new Int32Array(n).fill(-1);
      const a = await ort.explain(x, n, configs, targets);
      const b = await ref.explain(x, n, configs, targets);
      for (const c of configs) expect(relativeL2(a.relevance[c.id], b.relevance[c.id])).toBeLessThan(1e-4);
      await ort.close();
      await ref.close();
    });
  } else {
    const want = sidecar.expect;
    it(`fails with ${want.code} naming the node, op and file`, async () => {
      const err = await openModel(path).then(() => null, (e: unknown) => e);
      expect(isAppError(err)).toBe(true);
      if (!isAppError(err)) return;
      expect(err.code).toBe(want.code);
      expect(err.message).toContain(path);
      if (want.op) expect(err.message).toContain(`(${want.op})`);
      if (want.node) expect(err.message).toContain(`'${want.node}'`);
    });
  }
});
