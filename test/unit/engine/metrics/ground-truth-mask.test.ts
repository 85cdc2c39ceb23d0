import { describe, expect, it } from 'vitest';
import { groundTruthMask, parseGroundTruthBed } from '../../../../src-main/engine/metrics/ground-truth-mask';

describe('ground-truth BED', () => {
  it('turns half-open `name start end` intervals into a per-position mask', () => {
    const gt = parseGroundTruthBed('# planted motifs\nseq1\t2\t5\tMA0139.1\nseq1 7 8\nseq2\t0\t1\n');
    expect(Array.from(groundTruthMask(gt, 'seq1', 10)!)).toEqual([0, 0, 1, 1, 1, 0, 0, 1, 0, 0]);
    expect(Array.from(groundTruthMask(gt, 'seq2', 3)!)).toEqual([1, 0, 0]);
  });

  it('returns null for a sequence the BED does not mention', () => {
    expect(groundTruthMask(parseGroundTruthBed('a 0 1'), 'b', 5)).toBeNull();
  });

  it('names the line of a malformed or out-of-range interval', () => {
    expect(() => parseGroundTruthBed('a 0 1\nb 5', 'gt.bed')).toThrow(/gt.bed, line 2/);
    expect(() => parseGroundTruthBed('a x 1')).toThrow(expect.objectContaining({ code: 'BAD_BED' }));
    expect(() => parseGroundTruthBed('a 4 4')).toThrow(/greater than start/);
    const gt = parseGroundTruthBed('track name=x\na 3 12', 'gt.bed');
    expect(() => groundTruthMask(gt, 'a', 10, 'gt.bed')).toThrow(/gt.bed, line 2: interval 3-12 runs past the end of "a" \(10 bp\)/);
  });
});
