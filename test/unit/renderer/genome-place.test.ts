// Positions as a person reads them: a region run's windows and spans on the chromosome, a FASTA
// record's in its own positions.
import { describe, expect, it } from 'vitest';
import { spanText, windowSpan } from '../../../src-renderer/src/lib/tracks/genome-place';

describe('model windows and spans, as the Layers view and the tracks read them', () => {
  it('places a region\'s window on its chromosome, and a record\'s in its own bases', () => {
    const place = { chrom: 'chr2', startBp: 10_000 };
    expect(windowSpan(place, 0, 200)).toBe('chr2:10,001–10,200');
    expect(windowSpan(place, 200, 400)).toBe('chr2:10,201–10,400');
    expect(windowSpan(null, 0, 200)).toBe('bases 1–200');
    expect(spanText(place, 49, 50)).toBe('chr2:10,050');
  });
});
