// A small seeded PRNG for the stochastic metrics (local Lipschitz neighbours, shuffle baseline).
// Metrics must be reproducible byte for byte from a recorded seed on every host (Node, browser,
// worker), so we do not use Math.random. mulberry32 (Tommy Ettinger, public domain) is 32-bit,
// fast and passes gjrand/PractRand to 2^32 outputs — ample for a few thousand draws per sequence.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      // 1 − u keeps the log's argument in (0, 1].
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/**
 * A per-item seed from a run seed and an item index, so that a sequence's metrics do not depend on
 * which other sequences are in the run or in which order they are processed (splitmix32-style mix).
 */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Default seed recorded with every stochastic metric when the caller gives none. */
export const DEFAULT_METRICS_SEED = 20240422;
