// What `plrp runs resume` says about its batch size: the run's own size unless --batch-size gives
// another, so a user sees why a resume stores in batches other than the default.
import { describe, expect, it } from 'vitest';
import { resumeBatchNote } from '../../../src-main/cli/commands/runs-compute';

describe('runs resume batch size note', () => {
  it('names the size the run started with when no --batch-size is given', () => {
    expect(resumeBatchNote(32, 32, false)).toBe('batches of 32 sequences, as the run started (--batch-size changes it)');
  });

  it('names the given size and the one it replaces, and that later resumes keep it', () => {
    expect(resumeBatchNote(32, 1024, true)).toBe('batches of 1,024 sequences (--batch-size) instead of the 32 the run started with; later resumes keep 1,024');
  });

  it("says nothing when the given size is the run's own, or for a run stored before sizes were kept that gets the default", () => {
    expect(resumeBatchNote(32, 32, true)).toBeNull();
    expect(resumeBatchNote(undefined, 1024, false)).toBeNull();
    expect(resumeBatchNote(undefined, undefined, false)).toBeNull();
  });
});
