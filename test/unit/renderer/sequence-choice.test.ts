import { describe, expect, it } from 'vitest';
import { openingSequence, sequenceOptionLabel } from '../../../src-renderer/src/lib/util/sequence-choice';

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
