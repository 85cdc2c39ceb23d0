import { describe, expect, it } from 'vitest';
import { openingNote, openingSequence, sequenceOptionLabel } from '../../../src-renderer/src/lib/util/sequence-choice';

const rows = [{ index: 0 }, { index: 1 }, { index: 5 }];

describe('the sequence a view opens on', () => {
  it('is the one selected in another view when the run has it', () => {
    expect(openingSequence(5, rows)).toBe(5);
  });
  it('leaves the choice to the view when nothing was selected or the sequence is not there', () => {
    expect(openingSequence(null, rows)).toBeNull();
    expect(openingSequence(7, rows)).toBeNull();
    expect(openingSequence(0, [])).toBeNull();
  });
});

describe('the Layers sequence picker', () => {
  it('marks a sequence that carries a warning, as the Run table does', () => {
    expect(sequenceOptionLabel({ name: 'test_00005', warnings: ['PLRP magnified |R| at conv2'] })).toBe('⚠ test_00005');
  });
  it('names a sequence without warnings plainly', () => {
    expect(sequenceOptionLabel({ name: 'test_00000', warnings: [] })).toBe('test_00000');
  });
});

describe('why the Run view opened on a sequence', () => {
  const named = ['test_00000', 'test_00001', 'test_00002', 'test_00003'].map((name, index) => ({ index, name }));
  it('names the rows above it that have no ground-truth regions', () => {
    expect(openingNote(named, 3)).toBe('Opened on test_00003, the first sequence with ground-truth regions to compare its relevance with (test_00000 to test_00002 have none).');
    expect(openingNote(named, 1)).toBe('Opened on test_00001, the first sequence with ground-truth regions to compare its relevance with (test_00000 has none).');
  });
  it('says nothing when it is the first row', () => {
    expect(openingNote(named, 0)).toBeNull();
    expect(openingNote([], 0)).toBeNull();
  });
});
