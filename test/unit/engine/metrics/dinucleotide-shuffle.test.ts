import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dinucleotideShuffle } from '../../../../src-main/engine/metrics/dinucleotide-shuffle';
import { mulberry32 } from '../../../../src-main/engine/metrics/rng';
import { decode, oneHot } from './helpers';

function dinucleotides(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

const dna = fc.string({ unit: fc.constantFrom('A', 'C', 'G', 'T', 'N'), minLength: 1, maxLength: 120 });

describe('dinucleotide shuffle', () => {
  it('preserves every dinucleotide count, and the first and last base', () => {
    fc.assert(
      fc.property(dna, fc.integer(), (seq, seed) => {
        const out = decode(dinucleotideShuffle(oneHot(seq), seq.length, mulberry32(seed)), seq.length);
        expect(out.length).toBe(seq.length);
        expect(dinucleotides(out)).toEqual(dinucleotides(seq));
        expect(out[0]).toBe(seq[0]);
        expect(out[out.length - 1]).toBe(seq[seq.length - 1]);
      }),
    );
  });

  it('is reproducible from its seed and actually reorders a long sequence', () => {
    const seq = 'ACGTTGCAAGCTTACGGATCCATGCA'.repeat(8);
    const x = oneHot(seq);
    const a = decode(dinucleotideShuffle(x, seq.length, mulberry32(42)), seq.length);
    const b = decode(dinucleotideShuffle(x, seq.length, mulberry32(42)), seq.length);
    const c = decode(dinucleotideShuffle(x, seq.length, mulberry32(43)), seq.length);
    expect(b).toBe(a);
    expect(a).not.toBe(seq);
    expect(c).not.toBe(a);
  });
});
