import { describe, expect, it } from 'vitest';
import { parseGroundTruthBed } from '../../../../src-main/engine/metrics/ground-truth-mask';
import {
  groundTruthForTarget,
  matchOutputs,
  outputMatchNotice,
  outputOfRegion,
  sequenceGroundTruth,
} from '../../../../src-main/engine/metrics/ground-truth-outputs';

// The shipped multitask demo's BED names sites "Motif:JASPAR id"; the model's outputs are tasks.
const LABELS = ['ctcf', 'cebpb', 'spi1', 'foxa1'];
const BED = 'seq1\t2\t4\tSpi1:MA0080.7\t0\t+\nseq1\t6\t8\tFOXA1:MA0148.5\t0\t-\nseq1\t8\t9\tunrelated\nseq2\t0\t2\tctcf\n';

const bits = (m: Uint8Array | null) => (m ? Array.from(m).join('') : null);

describe('ground truth per output', () => {
  it('matches a region to the output its BED name names, with or without a motif id, in any case', () => {
    expect(outputOfRegion('Spi1:MA0080.7', LABELS)).toBe(2);
    expect(outputOfRegion('FOXA1', LABELS)).toBe(3);
    expect(outputOfRegion('TAL1::TCF3:MA0091.2', ['absent', 'tal1::tcf3'])).toBe(1);
    expect(outputOfRegion('MA0080.7', LABELS)).toBe(-1);
    expect(outputOfRegion(null, LABELS)).toBe(-1);
  });

  it('scores each output against its own regions; other outputs and unnamed regions do not count', () => {
    const gt = parseGroundTruthBed(BED);
    const match = matchOutputs(gt, LABELS)!;
    expect(match.regionsPerOutput).toEqual([1, 0, 1, 1]);
    expect(match.unmatched).toBe(1);
    const seq1 = sequenceGroundTruth(gt, 'seq1', 10, 'gt.bed', match);
    expect(bits(groundTruthForTarget(seq1, 2))).toBe('0011000000');
    expect(bits(groundTruthForTarget(seq1, 3))).toBe('0000001100');
    // seq1 has no CTCF site: an explanation of ctcf has nothing to localise, so no RMA/RRA.
    expect(groundTruthForTarget(seq1, 0)).toBeNull();
    expect(bits(groundTruthForTarget(sequenceGroundTruth(gt, 'seq2', 4, 'gt.bed', match), 0))).toBe('1100');
    expect(sequenceGroundTruth(gt, 'seq3', 4, 'gt.bed', match)).toBeNull();
  });

  it('counts every region for every output when the names are not the outputs', () => {
    const gt = parseGroundTruthBed(BED);
    // A single-output model, no manifest, or names that match no output: as before.
    expect(matchOutputs(gt, ['gata1_tal1_pair'])).toBeNull();
    expect(matchOutputs(gt, null)).toBeNull();
    expect(matchOutputs(gt, ['absent', 'present'])).toBeNull();
    const all = sequenceGroundTruth(gt, 'seq1', 10, 'gt.bed', null);
    expect(bits(groundTruthForTarget(all, 0))).toBe('0011001110');
    expect(bits(groundTruthForTarget(all, 3))).toBe('0011001110');
  });

  it('still refuses a region past the end of its sequence, whatever output it names', () => {
    const gt = parseGroundTruthBed('seq1\t2\t4\tspi1\nseq1\t8\t12\tctcf\n', 'gt.bed');
    expect(() => sequenceGroundTruth(gt, 'seq1', 10, 'gt.bed', matchOutputs(gt, LABELS))).toThrow(/gt.bed, line 2: interval 8-12 runs past the end of "seq1"/);
  });

  it('says how the regions are used', () => {
    const gt = parseGroundTruthBed(BED);
    expect(outputMatchNotice('gt.bed', gt, LABELS, matchOutputs(gt, LABELS))).toBe(
      'gt.bed: RMA and RRA score each explanation against the regions of the output it explains, matched by the BED\'s name column (1 ctcf, 0 cebpb, 1 spi1, 1 foxa1); 1 region named after no output is not used',
    );
    expect(outputMatchNotice('gt.bed', gt, ['absent', 'present'], null)).toMatch(/no region is named after one of the model's outputs \(absent, present\), so RMA and RRA count every region/);
    expect(outputMatchNotice('gt.bed', parseGroundTruthBed('seq1 0 1'), ['absent', 'present'], null)).toBeNull();
    expect(outputMatchNotice('gt.bed', gt, ['only'], null)).toBeNull();
  });
});
