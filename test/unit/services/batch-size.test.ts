import { describe, expect, it } from 'vitest';
import { BATCH_RESULTS, BATCH_SEQUENCES, MIN_BATCH_SEQUENCES, batchSequencesFor } from '../../../src-main/services/run-job';

describe('sequences per batch', () => {
  it('splits a small input so that every worker gets a batch', () => {
    expect(batchSequencesFor(1000, 7)).toBe(143);
    expect(Math.ceil(1000 / batchSequencesFor(1000, 7))).toBe(7);
    expect(batchSequencesFor(2000, 2)).toBe(1000);
  });

  it('uses full batches for large inputs, one worker, and never goes below the minimum', () => {
    expect(batchSequencesFor(100_000, 7)).toBe(BATCH_SEQUENCES);
    expect(batchSequencesFor(1500, 1)).toBe(BATCH_SEQUENCES);
    expect(batchSequencesFor(100, 7)).toBe(MIN_BATCH_SEQUENCES);
    expect(batchSequencesFor(0, 0)).toBe(MIN_BATCH_SEQUENCES);
  });

  it('holds at most BATCH_RESULTS results when a run has several explanations (the demo: seven), but never goes below the minimum', () => {
    expect(batchSequencesFor(100_000, 1, 7)).toBe(Math.floor(BATCH_RESULTS / 7));
    expect(batchSequencesFor(100_000, 1, 7) * 7).toBeLessThanOrEqual(BATCH_RESULTS);
    expect(batchSequencesFor(1000, 7, 7)).toBe(143);
    expect(batchSequencesFor(100_000, 1, 1)).toBe(BATCH_SEQUENCES);
    expect(batchSequencesFor(100_000, 1, 2)).toBe(BATCH_SEQUENCES);
    expect(batchSequencesFor(100_000, 1, 100)).toBe(MIN_BATCH_SEQUENCES);
  });
});
