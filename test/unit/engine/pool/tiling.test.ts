import { describe, expect, it } from 'vitest';
import { encodeWindow, mergeWindows, windowStarts } from '../../../../src-main/engine/pool/tiling';

describe('tiling sequences to a fixed model input', () => {
  it('centres a short sequence with padding on both sides', () => {
    expect(windowStarts(6, 10)).toEqual([-2]);
    const out = new Float32Array(10 * 4);
    encodeWindow('ACGTAC', -2, 10, out, 0);
    expect([...out.slice(0, 8)]).toEqual(new Array(8).fill(0));
    expect([...out.slice(8, 12)]).toEqual([1, 0, 0, 0]);
    expect([...out.slice(32, 40)]).toEqual(new Array(8).fill(0));
  });

  it('tiles a long sequence at half-window stride with the last window flush with the end', () => {
    expect(windowStarts(25, 10)).toEqual([0, 5, 10, 15]);
    expect(windowStarts(23, 10)).toEqual([0, 5, 10, 13]);
  });

  it('maps relevance back as the mean over the windows covering each base', () => {
    const starts = windowStarts(15, 10); // [0, 5]
    const w0 = new Float32Array(40).fill(1);
    const w1 = new Float32Array(40).fill(3);
    const merged = mergeWindows(15, 10, starts, [w0, w1]);
    expect(merged[0]).toBe(1); // base 0: window 0 only
    expect(merged[6 * 4]).toBe(2); // base 6: both windows
    expect(merged[14 * 4 + 3]).toBe(3); // base 14: window 1 only
  });

  it('drops the padding when mapping a padded window back', () => {
    const rel = Float32Array.from({ length: 40 }, (_, i) => Math.floor(i / 4));
    expect([...mergeWindows(6, 10, [-2], [rel])].filter((_, i) => i % 4 === 0)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
