// Seeded pseudo-random numbers for the synthetic data generator. Everything the generator draws
// comes from here so a seed reproduces a data set byte for byte on any machine: only 32-bit
// integer arithmetic (Math.imul, >>> 0) is used, never Math.random or platform-dependent floats.

/** splitmix32: spreads a small or structured seed over all 32 bits (seeds 1 and 2 must not give
 * correlated streams) and derives independent sub-seeds (per split, per sequence). */
export function mixSeed(seed: number, salt = 0): number {
  let z = (seed + Math.imul(salt, 0x9e3779b9) + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand): passes PractRand
 * to terabytes, needs no BigInt, and its counter guarantees a period of at least 2^32.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer in [0, 2^32); got ${seed}`);
    }
    this.a = mixSeed(seed, 1);
    this.b = mixSeed(seed, 2);
    this.c = mixSeed(seed, 3);
    // The authors' recommended warm-up, so nearby seeds decorrelate before the first draw.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1) with 32 bits of resolution (exact in a double, so reproducible). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n), by rejection so small n carry no modulo bias. */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) throw new RangeError(`nextInt needs 1 ≤ n ≤ 2^32; got ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Index drawn with probability proportional to `weights` (non-negative, positive sum). */
  nextWeighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.nextFloat() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    // Rounding can leave u at a hair above 0 after the last subtraction: return the last
    // index with positive weight rather than one that can never be drawn.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    throw new RangeError('nextWeighted needs at least one positive weight');
  }
}
