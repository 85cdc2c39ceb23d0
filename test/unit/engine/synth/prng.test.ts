import { describe, expect, it } from 'vitest';
import { mixSeed, Prng } from '../../../../src-main/engine/synth/prng';

const draw = (seed: number, n: number) => {
  const r = new Prng(seed);
  return Array.from({ length: n }, () => r.nextUint32());
};

describe('Prng', () => {
  it('replays the same stream for the same seed', () => {
    expect(draw(42, 1000)).toEqual(draw(42, 1000));
  });

  it('gives unrelated streams for neighbouring seeds', () => {
    const a = draw(1, 1000);
    const b = draw(2, 1000);
    expect(a.filter((v, i) => v === b[i]).length).toBe(0);
  });

  it('keeps every nextInt draw inside [0, n) and covers all values about equally', () => {
    const r = new Prng(7);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.nextInt(6)]++;
    // Binomial sd = sqrt(60000·(1/6)·(5/6)) ≈ 91; 5 sd either side.
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(460);
  });

  it('never draws an index whose weight is zero', () => {
    const r = new Prng(9);
    for (let i = 0; i < 10_000; i++) expect(r.nextWeighted([0, 0.3, 0, 0.7])).not.toBe(0);
  });

  it('draws weighted indices in proportion to their weights', () => {
    const r = new Prng(11);
    let ones = 0;
    for (let i = 0; i < 40_000; i++) ones += r.nextWeighted([0.25, 0.75]);
    expect(ones / 40_000).toBeCloseTo(0.75, 2);
  });

  it('refuses seeds that are not unsigned 32-bit integers', () => {
    expect(() => new Prng(-1)).toThrow(RangeError);
    expect(() => new Prng(1.5)).toThrow(RangeError);
    expect(() => new Prng(2 ** 32)).toThrow(RangeError);
  });

  it('derives distinct sub-seeds per salt', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => mixSeed(5, i)));
    expect(seeds.size).toBe(1000);
  });
});
