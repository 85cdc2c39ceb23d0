import { describe, expect, it } from 'vitest';
import { fromModelLayout, toModelLayout } from '../../../../src-main/engine/explain/layout';

describe('channels-first layout', () => {
  it('moves [N, L, 4] bases to [N, 4, L] rows and back', () => {
    // Two sequences of 3 bases; value = 100·sample + 10·position + channel.
    const nlc = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => 100 * Math.floor(i / 12) + 10 * Math.floor((i % 12) / 4) + (i % 4));
    const ncl = toModelLayout(nlc, 2, 3, 'NCL');
    expect(Array.from(ncl.subarray(0, 12))).toEqual([0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23]);
    expect(Array.from(ncl.subarray(12))).toEqual([100, 110, 120, 101, 111, 121, 102, 112, 122, 103, 113, 123]);
    expect(Array.from(fromModelLayout(ncl, 2, 3, 'NCL'))).toEqual(Array.from(nlc));
    expect(toModelLayout(nlc, 2, 3, 'NLC')).toBe(nlc);
  });
});
