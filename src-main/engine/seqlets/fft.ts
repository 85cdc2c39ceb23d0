// Iterative radix-2 FFT on separate real/imaginary Float64Arrays (length a power of two). Used to
// raise the relevance histogram to the 25th convolution power for the seqlet null: direct
// convolution of 1000-bin histograms costs ~10^8 multiply-adds per sign; the FFT route ~10^7.
// Runs once per batch and sign, so the bit-reversal permutation and the twiddle factors of each
// size are computed once and kept.

interface FftTables {
  /** Pairs (i, j), i < j, swapped by the bit-reversal permutation. */
  swaps: Uint32Array;
  /** cos/sin(−2πk/n), k < n/2 (the inverse transform negates sin). */
  cos: Float64Array;
  sin: Float64Array;
}

const tablesBySize = new Map<number, FftTables>();

function tables(n: number): FftTables {
  let t = tablesBySize.get(n);
  if (t) return t;
  const swaps: number[] = [];
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) swaps.push(i, j);
  }
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((-2 * Math.PI * k) / n);
    sin[k] = Math.sin((-2 * Math.PI * k) / n);
  }
  t = { swaps: Uint32Array.from(swaps), cos, sin };
  tablesBySize.set(n, t);
  return t;
}

export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  const { swaps, cos, sin } = tables(n);
  for (let s = 0; s < swaps.length; s += 2) {
    const i = swaps[s];
    const j = swaps[s + 1];
    const r = re[i];
    re[i] = re[j];
    re[j] = r;
    const m = im[i];
    im[i] = im[j];
    im[j] = m;
  }
  const sign = inverse ? -1 : 1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const stride = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const cr = cos[k * stride];
        const ci = sign * sin[k * stride];
        const a = i + k;
        const b = a + half;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
