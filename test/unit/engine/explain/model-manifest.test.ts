// The app's default p comes from the shipped models' manifests (written by `plrp reproduce`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outputLabels, recommendedP } from '../../../../src-main/engine/explain/model-manifest';

const MODELS = fileURLToPath(new URL('../../../../resources/models', import.meta.url));

describe('recommendedP', () => {
  it('reads the recommended p of the shipped pair CNNs', async () => {
    expect(await recommendedP(join(MODELS, 'cnn32-pair.onnx'))).toBe(0.3);
    expect(await recommendedP(join(MODELS, 'cnn32-pair.onnx'), 'plrp-m')).toBe(0.5);
  });

  it('is null without a manifest or with a malformed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-manifest-'));
    expect(await recommendedP(join(dir, 'none.onnx'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(await recommendedP(join(dir, 'bad.onnx'))).toBeNull();
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ recommended_p: { 'plrp-lambda': 7 } }));
    expect(await recommendedP(join(dir, 'odd.onnx'))).toBeNull();
  });
});

describe('outputLabels', () => {
  it('names the outputs of the shipped models from their manifests', () => {
    expect(outputLabels(join(MODELS, 'cnn32-pair.onnx'))).toEqual(['absent', 'gata1_tal1_pair']);
    expect(outputLabels(join(MODELS, 'deep-multitask.onnx'))).toHaveLength(4);
  });

  it('is null without a manifest or without string labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-labels-'));
    expect(outputLabels(join(dir, 'none.onnx'))).toBeNull();
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ outputs: [{ labels: [1, 2] }] }));
    expect(outputLabels(join(dir, 'odd.onnx'))).toBeNull();
  });
});
