// The words a biologist reads about a run: what Cancel keeps, what a FASTA holds and which of its
// sequences the model will pad, and what the Layers view's "at zero" counts.
import { describe, expect, it } from 'vitest';
import { cancelHint, notComputedNote, progressCountLine, runningStatus, stoppedNote } from '../../../src-renderer/src/lib/util/run-progress-text';
import { countShorterThan, lengthsText, modelWindows, shortSequenceWarning, tiledRecordsNote } from '../../../src-renderer/src/lib/util/fasta-text';
import { planTiles } from '../../../src-main/engine/genomics/tiling';
import { pruningBarLabel, unitsAtZero, zeroShare } from '../../../src-renderer/src/lib/util/pruning-text';

describe('cancel', () => {
  it('says before cancelling that only stored sequences are kept', () => {
    expect(cancelHint(1024)).toBe('Cancel keeps the 1,024 sequences stored so far; the batches being computed (up to 1,024 sequences each) are discarded, and Resume computes them again.');
    expect(cancelHint(0)).toBe('Nothing is stored yet: Cancel discards the batches being computed (up to 1,024 sequences each), and Resume starts them again.');
  });
  it('says after cancelling how many sequences were kept', () => {
    expect(stoppedNote('cancelled', 0, 20_000)).toBe('cancelled — 0 of 20,000 sequences stored; Resume continues from there');
    expect(stoppedNote('failed', 2048, 20_000)).toBe('failed — 2,048 of 20,000 sequences stored; Resume continues from there');
  });
});

describe('a sequence the run has not computed, opened in the Run view', () => {
  it('says of a running run that its tracks come once it is stored, not to resume a run that is running', () => {
    expect(notComputedNote('running', 1024, 3000)).toBe('The run has not computed this sequence yet (running: 1,024 of 3,000 sequences stored); its tracks appear here once the run stores it.');
    expect(notComputedNote('queued', 0, 3000)).toContain('its tracks appear here once the run stores it');
  });
  it('says of a stopped run that Resume computes it', () => {
    expect(notComputedNote('cancelled', 1024, 3000)).toBe('The run has not computed this sequence (cancelled: 1,024 of 3,000 sequences stored). Resume the run from Start to compute it.');
    expect(notComputedNote('failed', 0, 1)).toBe('The run has not computed this sequence (failed: 0 of 1 sequence stored). Resume the run from Start to compute it.');
    expect(notComputedNote('done', 40, 41)).toBe('The run has not computed this sequence (done: 40 of 41 sequences stored).');
  });
});

describe('progress of a running run', () => {
  it('gives the card and the list one figure: stored plus the computed part in flight', () => {
    const early = { done: 0, inFlight: 10.9, total: 40 };
    expect(progressCountLine(early)).toBe('27 % · 0 / 40 sequences stored');
    expect(runningStatus(early)).toBe('running · 27 %');
  });
  it('says the run is finishing once everything is computed, rather than "40 / 40" or "100 %" while it still runs', () => {
    for (const p of [{ done: 40, inFlight: 0, total: 40 }, { done: 16, inFlight: 24, total: 40 }]) {
      expect(runningStatus(p)).toBe('running · finishing: storing results and calling seqlets');
      expect(progressCountLine(p)).toBe(`finishing: storing results and calling seqlets (${p.done} / 40 sequences stored)`);
    }
  });
});

describe('FASTA summary', () => {
  it('gives one length for one sequence, "each" for several of one length, a range otherwise', () => {
    expect(lengthsText({ sequences: 1, minLengthBp: 50_000, maxLengthBp: 50_000 })).toBe('50,000 bp');
    expect(lengthsText({ sequences: 40, minLengthBp: 200, maxLengthBp: 200 })).toBe('200 bp each');
    expect(lengthsText({ sequences: 5, minLengthBp: 10, maxLengthBp: 1200 })).toBe('10–1,200 bp');
  });
  const mixed = { sequences: 5, minLengthBp: 10, lengthCounts: [[10, 1], [50, 1], [120, 1], [200, 2]] as [number, number][] };
  it('counts a long record\'s model windows as the run tiles it', () => {
    for (const [len, w] of [[150_000, 200], [201, 200], [300, 200], [301, 200], [200, 200], [1001, 7]]) expect(modelWindows(len, w)).toBe(planTiles(len, w).length);
    expect(modelWindows(150_000, 200)).toBe(1499);
  });
  it('names the records longer than the model input and says what their numbers mean', () => {
    const chrom = { maxLengthBp: 150_000, lengthCounts: [[200, 3], [150_000, 1]] as [number, number][], longestRecords: [{ name: 'chr2', lengthBp: 150_000 }, { name: 's1', lengthBp: 200 }] };
    expect(tiledRecordsNote(200, chrom)).toBe(
      "One record is longer than the model's 200-bp input (chr2: 150,000 bp, 1,499 windows). A run explains each in overlapping model windows: its logit and output are the means over the windows, its Σ R sums over the whole record, and its faithfulness is not computed (—).",
    );
    const many = { maxLengthBp: 900, lengthCounts: [[300, 6], [900, 1]] as [number, number][], longestRecords: [{ name: 'a', lengthBp: 900 }, { name: 'b', lengthBp: 300 }] };
    expect(tiledRecordsNote(200, many)).toMatch(/^7 records are longer than the model's 200-bp input \(a: 900 bp, 8 windows; b: 300 bp, 2 windows; and 5 more\)\. /);
    expect(tiledRecordsNote(200, { ...many, lengthCounts: null })).toMatch(/^Some records are longer than the model's 200-bp input \(a: 900 bp, 8 windows; b: 300 bp, 2 windows, …\)\. /);
    expect(tiledRecordsNote(1000, many)).toBeNull();
  });
  it('counts the sequences shorter than the model input', () => {
    expect(countShorterThan(mixed, 200)).toBe(3);
    expect(countShorterThan(mixed, 50)).toBe(1);
    expect(countShorterThan({ lengthCounts: null }, 200)).toBeNull();
  });
  it('warns that sequences shorter than the model input will be padded with N', () => {
    expect(shortSequenceWarning(200, mixed)).toBe(
      "3 of 5 sequences (shortest 10 bp) are shorter than the model's 200-bp input and will be padded with N: their relevance is less reliable.",
    );
    expect(shortSequenceWarning(50, mixed)).toBe("1 sequence (10 bp) is shorter than the model's 50-bp input and will be padded with N: its relevance is less reliable.");
    expect(shortSequenceWarning(1000, mixed)).toMatch(/^All 5 sequences \(shortest 10 bp\) are shorter than the model's 1,000-bp input/);
    // Too many distinct lengths to count: the shortest still tells the user there are some.
    expect(shortSequenceWarning(200, { ...mixed, lengthCounts: null })).toMatch(/^Some sequences \(shortest 10 bp\) are shorter than the model's 200-bp input/);
    // A region run warns about its regions, not the FASTA's records.
    expect(shortSequenceWarning(200, mixed, 'region')).toMatch(/^3 of 5 regions \(shortest 10 bp\) are shorter/);
  });
  it('stays silent when no sequence is short, or the model takes any length', () => {
    expect(shortSequenceWarning(10, mixed)).toBeNull();
    expect(shortSequenceWarning(0, mixed)).toBeNull();
    expect(shortSequenceWarning(200, { sequences: 0, minLengthBp: 0, lengthCounts: [] })).toBeNull();
  });
});

describe('pruning diagnostics', () => {
  const p = { prunedCount: 1562, keptCount: 38, prunedMassFraction: 0.494 };
  it('count units at zero out of all units, not as "pruned"', () => {
    expect(unitsAtZero(p)).toBe('1,562 of 1,600');
    expect(zeroShare(p)).toBeCloseTo(0.976);
    expect(pruningBarLabel(p)).toBe('98% of units at zero, 49% of |R| pruned');
  });
  it('never round a share short of all to 100 % or a share above none to 0 %', () => {
    expect(pruningBarLabel({ prunedCount: 3198, keptCount: 2, prunedMassFraction: 0.0004 })).toBe('99.9% of units at zero, 0.1% of |R| pruned');
    expect(pruningBarLabel({ prunedCount: 3200, keptCount: 0, prunedMassFraction: 1 })).toBe('100% of units at zero, 100% of |R| pruned');
    expect(pruningBarLabel({ prunedCount: 0, keptCount: 3200, prunedMassFraction: 0 })).toBe('0% of units at zero, 0% of |R| pruned');
  });
  it('treat a point without units as nothing at zero', () => {
    expect(zeroShare({ prunedCount: 0, keptCount: 0, prunedMassFraction: 0 })).toBe(0);
  });
});
