import { describe, expect, it } from 'vitest';
import { decodeOneHot, encodeOneHot } from '../../../../src-main/engine/genomics/one-hot';

describe('encodeOneHot', () => {
  it('encodes A,C,G,T as rows of an [L, 4] matrix in that channel order', () => {
    expect(Array.from(encodeOneHot('ACGT'))).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('encodes N and IUPAC codes as all zeros by default', () => {
    expect(Array.from(encodeOneHot('NR'))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('encodes unknown letters as 0.25 in every channel when asked', () => {
    expect(Array.from(encodeOneHot('AN', 'quarter'))).toEqual([1, 0, 0, 0, 0.25, 0.25, 0.25, 0.25]);
  });

  it('decodes back to the sequence with N for unknown rows', () => {
    expect(decodeOneHot(encodeOneHot('ACGTNNTA', 'quarter'))).toBe('ACGTNNTA');
  });
});
