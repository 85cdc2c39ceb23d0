import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { assertUniqueNames, summarizeFasta } from '../../../../src-main/engine/genomics/fasta-summary';

const fx = (name: string): string => join(__dirname, '../../../fixtures/genomics', name);

describe('FASTA summary', () => {
  it('reports records, total bp, length range, N and soft-masked fractions and duplicate names', async () => {
    const s = await summarizeFasta(fx('duplicates.fa'));
    expect(s).toEqual({ records: 3, totalBp: 18, minLengthBp: 2, maxLengthBp: 10, unknownFraction: 2 / 18, lowercaseFraction: 12 / 18, duplicateNames: ['a'] });
  });

  it('makes duplicate names an error only when asked, saying which names and why', async () => {
    const s = await summarizeFasta(fx('duplicates.fa'));
    expect(() => assertUniqueNames(s, 'duplicates.fa', 'bedGraph export')).toThrow("duplicates.fa: duplicate sequence names 'a'; bedGraph export needs unique names to tell the results apart");
    expect(() => assertUniqueNames(s, 'x', 'y')).toThrow();
    await expect(summarizeFasta(fx('basic.fa')).then((b) => assertUniqueNames(b, 'basic.fa', 'export'))).resolves.toBeUndefined();
  });
});
