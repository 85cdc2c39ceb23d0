// Sequences shorter than the model's receptive field are flagged instead of silently explained:
// padded short sequences say how many bases of the field are padding, and any-length models flag a
// sequence shorter than their widest local feature.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openModel } from '../../src-main/engine/explain/open-model';
import { sequenceWarnings } from '../../src-main/engine/explain/sequence-warnings';

const CNN32 = fileURLToPath(new URL('../fixtures/lrp/cnn32.onnx', import.meta.url));

describe('short-sequence warnings', () => {
  it('a 150-bp sequence in cnn32 (200-bp window, output sees all 200 bp) says 50 bp of the field are padding', async () => {
    const m = await openModel(CNN32);
    try {
      const w = sequenceWarnings('s1', 'ACGT'.repeat(37) + 'AC', m.info.lengthBp, undefined, m.info.receptiveFieldBp);
      expect(w).toHaveLength(1);
      expect(w[0]).toContain('s1 is 150 bp');
      expect(w[0]).toContain('50 of the 200 bp of the model\'s receptive field are padding');
    } finally {
      await m.close();
    }
  });

  it('a padded sequence still longer than a narrower field gets the padding warning without a field count', () => {
    const w = sequenceWarnings('s2', 'A'.repeat(120), 200, undefined, 100);
    expect(w).toHaveLength(1);
    expect(w[0]).not.toContain('receptive field');
  });

  it('an any-length model flags a sequence shorter than its receptive field, with the padded bases', () => {
    const w = sequenceWarnings('s3', 'ACGTACGTAC', -1, undefined, 60);
    expect(w).toEqual(['sequence s3 is 10 bp, shorter than the model\'s 60-bp receptive field; 50 bp of it are padding, so the model never sees a whole feature of this sequence']);
  });

  it('an any-length model does not flag a sequence as long as its receptive field', () => {
    expect(sequenceWarnings('s4', 'A'.repeat(60), -1, undefined, 60)).toEqual([]);
    expect(sequenceWarnings('s5', 'A'.repeat(10), -1)).toEqual([]);
  });
});
