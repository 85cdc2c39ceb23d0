import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeOneHot } from '../../../../src-main/engine/genomics/one-hot';
import { bundledJasparPath } from '../../../../src-main/engine/motifs/bundled';
import { readMotifFile } from '../../../../src-main/engine/motifs/read-motifs';
import { heldOutPositives } from '../../../../src-main/engine/reproduce/held-out';
import { readShippedModel } from '../../../../src-main/engine/reproduce/shipped-model';
import { generateRecord, resolveMotifs } from '../../../../src-main/engine/synth/generate';
import { SYNTH_PRESETS } from '../../../../src-main/engine/synth/presets';
import { synthSpecSchema } from '../../../../src-main/engine/synth/synth-spec';

const spec = synthSpecSchema.parse(SYNTH_PRESETS.pair);

describe('held-out positives', () => {
  it('are the positive test-split sequences of the recipe, with their planted motifs as ground truth', async () => {
    const motifs = await readMotifFile(bundledJasparPath());
    const set = heldOutPositives(spec, motifs, 12);
    expect(set.names).toHaveLength(12);
    expect(set.lengthBp).toBe(200);
    const resolved = resolveMotifs(spec, motifs);
    set.names.forEach((name, k) => {
      const index = Number(name.replace('test_', ''));
      const record = generateRecord(spec, resolved, 'test', index);
      expect(record.labels).toEqual([1]);
      expect(decodeOneHot(set.onehot.subarray(k * 800, (k + 1) * 800))).toBe(record.sequence);
      const gt = set.groundTruth[k]!;
      // GATA1 (7 bp) and TAL1::TCF3 (10 bp) are both planted in a positive.
      expect(gt.reduce((a, b) => a + b, 0)).toBe(record.sites.reduce((a, s) => a + s.end - s.start, 0));
      for (const s of record.sites) expect(gt.subarray(s.start, s.end).every((v) => v === 1)).toBe(true);
    });
  });
});

describe('shipped model manifest', () => {
  it('targets the output labelled like the task and locates the ONNX file beside the manifest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plrp-manifest-'));
    const manifest = {
      name: 'cnn4-pair',
      file: 'cnn4-pair.onnx',
      outputs: [{ name: 'output', size: 2, labels: ['absent', 'gata1_tal1_pair'] }],
      training: { data: { spec: SYNTH_PRESETS.pair, motifs: [{ id: 'MA0035.5', source: 'JASPAR.txt' }] } },
    };
    await writeFile(join(dir, 'm.json'), JSON.stringify(manifest));
    const m = await readShippedModel(join(dir, 'm.json'));
    expect(m).toMatchObject({ name: 'cnn4-pair', target: 1, taskName: 'gata1_tal1_pair', onnxPath: join(dir, 'cnn4-pair.onnx') });
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ name: 'x' }));
    await expect(readShippedModel(join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'BAD_CONFIG' });
  });
});
