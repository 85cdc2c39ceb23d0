import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32 } from '../../../../src-main/engine/metrics/rng';

describe('mulberry32', () => {
  it('matches an independent BigInt transcription of the algorithm and repeats its stream', () => {
    for (const seed of [0, 1, 20240422, 0xffffffff]) {
      const a = mulberry32(seed);
      const ours = Array.from({ length: 5 }, () => a.next() * 4294967296);
      expect(ours).toEqual(mulberry32Reference(seed, 5));
    }
    const b = mulberry32(9);
    const c = mulberry32(9);
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(Array.from({ length: 100 }, () => c.next()));
  });

  it('draws integers in range and roughly uniformly', () => {
    const rng = mulberry32(123);
    const counts = new Array(4).fill(0);
    for (let i = 0; i < 40000; i++) counts[rng.int(4)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
  });

  it('derives distinct, stable per-sequence seeds', () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => deriveSeed(7, i));
    expect(new Set(seeds).size).toBe(1000);
    expect(deriveSeed(7, 3)).toBe(seeds[3]);
  });
});

/** Independent transcription of mulberry32 in BigInt arithmetic, to check the Math.imul version. */
function mulberry32Reference(seed: number, count: number): number[] {
  const M = 0xffffffffn;
  let a = BigInt(seed >>> 0);
  const out: number[] = [];
  const mul = (x: bigint, y: bigint) => (x * y) & M;
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5n) & M;
    let t = a;
    t = mul(t ^ (t >> 15n), t | 1n);
    t = (t ^ ((t + mul(t ^ (t >> 7n), t | 61n)) & M)) & M;
    out.push(Number((t ^ (t >> 14n)) & M));
  }
  return out;
}
