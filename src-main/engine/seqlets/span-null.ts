// Null distributions of span sums for recursive seqlet calling (tangermeme `recursive_seqlets`,
// Schreiber 2024, ../shared/spec/genomics.md "Seqlets"): the per-base relevance values of a sample
// of sequences (./null-sample) are binned into an n-bin histogram; the distribution of the sum of L
// binned values is the L-fold convolution of that histogram; p(span) = P(null sum > observed sum).
// The observed span is binned the same way: the sum of its bases' bins. tangermeme bins the span's
// summed relevance once instead (⌊(Σx − L·xMin)/w⌋), which lies up to L bins above the sum of the
// bases' bins (each base rounds down on its own): a run of exact zeros, as PLRP gives outside its
// peaks, then sat ⌊L·frac⌋ bins above the null's L zeros and came out significant.
import { fft, nextPowerOfTwo } from './fft';

/** Per-base relevance binned into `bins` equal bins over [xMin, xMax]; `f` sums to 1. */
export interface NullHistogram {
  xMin: number;
  binWidth: number;
  bins: number;
  f: Float64Array;
}

export interface SpanNull {
  xMin: number;
  binWidth: number;
  bins: number;
  maxLength: number;
  /** rcdf[L][b] = P(sum of L null values falls in a bin > b), for L = 1..maxLength. */
  rcdf: Float64Array[];
}

/** A complex spectrum: separate real and imaginary parts. */
interface Spectrum {
  re: Float64Array;
  im: Float64Array;
}

function multiply(a: Spectrum, b: Spectrum): Spectrum {
  const n = a.re.length;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    re[k] = a.re[k] * b.re[k] - a.im[k] * b.im[k];
    im[k] = a.re[k] * b.im[k] + a.im[k] * b.re[k];
  }
  return { re, im };
}

function ones(size: number): Spectrum {
  return { re: new Float64Array(size).fill(1), im: new Float64Array(size) };
}

/** F^len by repeated squaring (used when the transform size grows); always a new spectrum. */
function power(f: Spectrum, len: number): Spectrum {
  let result: Spectrum | null = null;
  let base = f;
  for (let e = len; e > 0; e >>= 1) {
    if (e & 1) result = result ? multiply(result, base) : base;
    if (e > 1) base = multiply(base, base);
  }
  return result === f ? { re: Float64Array.from(f.re), im: Float64Array.from(f.im) } : result!;
}

/** The bin of one value; values outside the sample's range (other sequences') go to the end bins. */
export function binOf(h: { xMin: number; binWidth: number; bins: number }, v: number): number {
  const b = Math.floor((v - h.xMin) / h.binWidth);
  return b < 0 ? 0 : b >= h.bins ? h.bins - 1 : b;
}

/** Null when every value is equal (no spread to rank spans by). */
export function nullHistogram(tracks: readonly Float32Array[], bins = 1000): NullHistogram | null {
  let xMin = Infinity;
  let xMax = -Infinity;
  let count = 0;
  for (const t of tracks) for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (v < xMin) xMin = v;
    if (v > xMax) xMax = v;
    count++;
  }
  if (count === 0 || !(xMax > xMin)) return null;
  const h: NullHistogram = { xMin, binWidth: (xMax - xMin) / (bins - 1), bins, f: new Float64Array(bins) };
  for (const t of tracks) for (let i = 0; i < t.length; i++) h.f[binOf(h, t[i])] += 1 / count;
  return h;
}

/** Returns null when every value is equal. Spans shorter than `fromLength` get no distribution (the caller never asks for them). */
export function buildSpanNull(tracks: readonly Float32Array[], maxLength: number, bins = 1000, fromLength = 1): SpanNull | null {
  const h = nullHistogram(tracks, bins);
  return h && spanNullOf(h, maxLength, fromLength);
}

/** The span-sum distributions of a histogram, for lengths `fromLength`..`maxLength`. */
export function spanNullOf(h: NullHistogram, maxLength: number, fromLength = 1): SpanNull {
  const { xMin, binWidth, bins, f } = h;
  // pdf of a length-L sum = L-th convolution power of f, computed as F^L in the Fourier domain at
  // the smallest power-of-two size that holds its support. The pdfs are real, so two lengths share
  // one inverse transform: IFFT(F^a + i·F^b) = pdf_a + i·pdf_b. Rounding leaves |errors| ~1e-15
  // (clamped at 0), far below the 0.01 threshold scale.
  // f is zero-padded, so its spectrum at size S is every (S_max / S)-th value of the one at S_max.
  const maxSize = nextPowerOfTwo((bins - 1) * maxLength + 1);
  const full: Spectrum = { re: new Float64Array(maxSize), im: new Float64Array(maxSize) };
  full.re.set(f);
  fft(full.re, full.im);
  const spectra = new Map<number, Spectrum>([[maxSize, full]]);
  const spectrumAt = (size: number): Spectrum => {
    let s = spectra.get(size);
    if (!s) {
      const step = maxSize / size;
      s = { re: new Float64Array(size), im: new Float64Array(size) };
      for (let k = 0; k < size; k++) {
        s.re[k] = full.re[k * step];
        s.im[k] = full.im[k * step];
      }
      spectra.set(size, s);
    }
    return s;
  };
  const rcdf: Float64Array[] = Array.from({ length: maxLength + 1 }, () => new Float64Array(0));
  let running: Spectrum | null = null; // F^runningLength at the current size, updated in place
  let runningLength = 0;
  for (let a = Math.max(1, fromLength); a <= maxLength; a += 2) {
    const b = a + 1 <= maxLength ? a + 1 : 0;
    const size = nextPowerOfTwo((bins - 1) * (b || a) + 1);
    const F = spectrumAt(size);
    if (!running || running.re.length !== size || runningLength !== a - 1) running = a > 1 ? power(F, a - 1) : ones(size);
    // One pass: F^a = running·F, F^b = F^a·F, the packed spectrum F^a + i·F^b, and running ← F^b.
    const re = new Float64Array(size);
    const im = new Float64Array(size);
    const rr = running.re;
    const ri = running.im;
    for (let k = 0; k < size; k++) {
      const fr = F.re[k];
      const fi = F.im[k];
      const ar = rr[k] * fr - ri[k] * fi;
      const ai = rr[k] * fi + ri[k] * fr;
      if (b) {
        const br = ar * fr - ai * fi;
        const bi = ar * fi + ai * fr;
        re[k] = ar - bi;
        im[k] = ai + br;
        rr[k] = br;
        ri[k] = bi;
      } else {
        re[k] = ar;
        im[k] = ai;
        rr[k] = ar;
        ri[k] = ai;
      }
    }
    runningLength = b || a;
    fft(re, im, true);
    rcdf[a] = reverseCdf(re, (bins - 1) * a + 1);
    if (b) rcdf[b] = reverseCdf(im, (bins - 1) * b + 1);
  }
  return { xMin, binWidth, bins, maxLength, rcdf };
}

/** Same recurrence as tangermeme (r[0] = 1, r[b] = max(r[b−1] − pdf[b], 0)), so p-values agree. */
function reverseCdf(pdf: Float64Array, support: number): Float64Array {
  const r = new Float64Array(support);
  r[0] = 1;
  for (let b = 1; b < support; b++) r[b] = Math.max(r[b - 1] - Math.max(pdf[b], 0), 0);
  return r;
}

/** Cumulative bin sums of a track: the span [k, k+L) has binned sum out[k+L] − out[k]. */
export function cumulativeBins(nul: SpanNull, track: Float32Array): Int32Array {
  const out = new Int32Array(track.length + 1);
  for (let i = 0; i < track.length; i++) out[i + 1] = out[i] + binOf(nul, track[i]);
  return out;
}

/**
 * p-value of a span of `length` whose bases' bins sum to `binSum` and whose relevance sums to `sum`.
 * A span whose relevance is not above zero is never significant: a seqlet is a span of positive
 * relevance (negative ones are called on −relevance), and where most values are below zero, or
 * the sample's zeros are its maximum, a run of zeros still lies above almost every null sum.
 */
export function spanPValue(nul: SpanNull, length: number, binSum: number, sum: number): number {
  if (!(sum > 0)) return 1;
  const r = nul.rcdf[length];
  return r[binSum >= r.length ? r.length - 1 : binSum];
}
