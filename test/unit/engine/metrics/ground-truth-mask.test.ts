import { describe, expect, it } from 'vitest';
import { groundTruthMask, intervalMask, parseGroundTruthBed, sequenceIntervals } from '../../../../src-main/engine/metrics/ground-truth-mask';

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

describe('ground truth of a region cut from a genome', () => {
  // Sites in genome coordinates (chr1), a region chr1:101-120 (0-based start 100, 20 bp).
  const gt = parseGroundTruthBed('chr1\t95\t103\tsiteA\nchr1\t110\t112\tsiteB\nchr1\t119\t130\nchr1\t500\t510\n');
  const place = { chrom: 'chr1', startBp: 100 };

  it('takes the sites on its chromosome that overlap it, clipped and moved into its coordinates', () => {
    const ivs = sequenceIntervals(gt, 'chr1:101-120', 20, place)!;
    expect(ivs.map((iv) => [iv.start, iv.end, iv.label])).toEqual([[0, 3, 'siteA'], [10, 12, 'siteB'], [19, 20, null]]);
    expect(Array.from(intervalMask(ivs, 'chr1:101-120', 20)).join('')).toBe('11100000001100000001');
  });

  it('prefers lines that name the region itself, and has none for a region no site overlaps', () => {
    const named = parseGroundTruthBed('peak1\t0\t2\nchr1\t100\t120\n');
    expect(sequenceIntervals(named, 'peak1', 20, place)!.map((iv) => [iv.start, iv.end])).toEqual([[0, 2]]);
    expect(sequenceIntervals(gt, 'chr1:301-320', 20, { chrom: 'chr1', startBp: 300 })).toBeUndefined();
    expect(sequenceIntervals(gt, 'chr2:101-120', 20, { chrom: 'chr2', startBp: 100 })).toBeUndefined();
    // A FASTA record (no place) is matched by name only.
    expect(sequenceIntervals(gt, 'chr1:101-120', 20)).toBeUndefined();
  });
});
