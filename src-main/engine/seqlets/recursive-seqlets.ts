// Recursive seqlet calling (tangermeme `recursive_seqlets`): a span [s, s+L) is a seqlet when its
// p-value and that of every sub-span of length ≥ minLength inside it are below the threshold;
// spans are accepted longest first, lowest p-value first, and never overlap. Called on +relevance
// for positive seqlets and on −relevance for negative ones (../shared/spec/genomics.md "Seqlets").
// Two deliberate differences from tangermeme's numba code: a seqlet may end at the last base (the
// original clips ends to L−1), and candidates are visited in sorted order instead of by repeated
// argmin (same order, ties to the lower start, without the O(L) scan per seqlet).
import { buildSpanNull, spanPValue, type SpanNull } from './span-null';
import { sortByP } from './sort-by-p';

export interface SeqletOptions {
  threshold: number;
  minLength: number;
  maxLength: number;
  /** Bases added on both sides after calling (does not affect which spans are called). */
  flank: number;
  bins: number;
}

export const DEFAULT_SEQLET_OPTIONS: SeqletOptions = { threshold: 0.01, minLength: 4, maxLength: 25, flank: 0, bins: 1000 };

export interface RawSeqlet {
  sequenceIndex: number;
  start: number;
  end: number;
  /** Sum of the (sign-adjusted) relevance over [start, end). */
  attribution: number;
  pValue: number;
}

/**
 * Tables up to this many entries are kept between calls (a batch calls once per sequence and
 * sign); a larger one, for a record of megabases, is dropped after its call instead of being held
 * by the worker for good.
 */
const KEPT_SCRATCH_ENTRIES = 1 << 22;
/** Reused between calls: a call on a 200-bp track is tens of microseconds, where allocations count. */
const scratch = { passes: new Uint8Array(0), starts: new Int32Array(0), p: new Float64Array(0) };

function scratchOf<K extends keyof typeof scratch>(key: K, size: number, make: (n: number) => (typeof scratch)[K]): (typeof scratch)[K] {
  if (size > KEPT_SCRATCH_ENTRIES) return make(size);
  if (scratch[key].length < size) scratch[key] = make(Math.max(size, 2 * scratch[key].length));
  return scratch[key];
}

/** `to` holding the first `count` entries of `from` (the same array when the scratch did not move). */
function grown<T extends Int32Array | Float64Array>(from: T, to: T, count: number): T {
  if (to !== from) to.set(from.subarray(0, count));
  return to;
}

/**
 * Memory is a pass/fail byte per start and length plus the passing spans (it was 208 bytes per
 * base with a p-value table of every length). Time goes with the spans that pass: a span whose
 * prefix failed fails too, so each length visits only the starts that passed the length before
 * (on 200-bp relevance tracks, about 130 of the 4,400 spans of lengths 4–25 pass), not every start.
 */
function callInSequence(x: Float32Array, seqIndex: number, nul: SpanNull, o: SeqletOptions, out: RawSeqlet[]): void {
  const l = x.length;
  const threshold = o.threshold;
  const csum = new Float64Array(l + 1);
  for (let i = 0; i < l; i++) csum[i + 1] = csum[i] + x[i];
  // passes[len·l + k] = 1 when span (k, len) and all its prefixes pass; rows below minLength pass.
  const passes = scratchOf('passes', (o.maxLength + 1) * l, (n) => new Uint8Array(n));
  passes.fill(1, 0, o.minLength * l);
  passes.fill(0, o.minLength * l, (o.maxLength + 1) * l);
  // The passing spans of every length, one after the other, each length's ordered by p then start
  // (typed arrays: a megabase record has millions of them). Length len's are [first[len], first[len + 1]).
  // A length's survivors are the next length's starts to try, so the arrays are filled length by length.
  const initial = Math.max(0, l - o.minLength + 1);
  let starts = scratchOf('starts', 2 * initial, (n) => new Int32Array(n));
  let pOf = scratchOf('p', 2 * initial, (n) => new Float64Array(n));
  // Below minLength there is no constraint: every start is alive with p 0. Ascending start.
  for (let k = 0; k < initial; k++) {
    starts[k] = k;
    pOf[k] = 0;
  }
  const first = new Int32Array(o.maxLength + 2);
  let aliveFrom = 0;
  let aliveTo = initial;
  for (let len = o.minLength; len <= o.maxLength; len++) {
    const row = len * l;
    // This length's survivors are at most the starts it tries.
    if (starts.length < 2 * aliveTo - aliveFrom) {
      const size = 2 * (2 * aliveTo - aliveFrom);
      starts = grown(starts, scratchOf('starts', size, (n) => new Int32Array(n)), aliveTo);
      pOf = grown(pOf, scratchOf('p', size, (n) => new Float64Array(n)), aliveTo);
    }
    let n = aliveTo;
    for (let i = aliveFrom; i < aliveTo; i++) {
      const k = starts[i];
      if (k + len > l) break; // ascending starts: the rest run past the end too
      const pv = spanPValue(nul, len, csum[k + len] - csum[k]);
      const p = pv > pOf[i] ? pv : pOf[i];
      if (!(p < threshold)) continue;
      passes[row + k] = 1;
      starts[n] = k;
      pOf[n++] = p;
    }
    first[len] = aliveTo;
    aliveFrom = aliveTo;
    aliveTo = n;
  }
  first[o.maxLength + 1] = aliveTo;
  const taken = new Uint8Array(l);
  for (let len = o.maxLength; len >= o.minLength; len--) {
    // A span overlapping a seqlet accepted at a longer length is refused in any order, so such
    // spans are dropped before the ordering, which on a megabase record is most of them. Every
    // seqlet so far is longer than this span, so it cannot lie strictly inside it: the span
    // overlaps one exactly when its first or last base is taken.
    let end = first[len];
    for (let i = first[len]; i < first[len + 1]; i++) {
      const start = starts[i];
      if (taken[start] || taken[start + len - 1]) continue;
      starts[end] = start;
      pOf[end++] = pOf[i];
    }
    // Ordered by p only now: each length's survivors were needed in start order by the next length.
    sortByP(starts, pOf, first[len], end);
    for (let i = first[len]; i < end; i++) {
      const start = starts[i];
      const p = pOf[i];
      if (taken[start]) continue; // starts inside an accepted seqlet
      // Every suffix span must pass too (prefixes are already folded into p); a suffix starting
      // inside an accepted seqlet fails, which is how overlaps are refused.
      let ok = true;
      for (let k = 1; k < len && ok; k++) if (taken[start + k] || !passes[(len - k) * l + start + k]) ok = false;
      if (!ok) continue;
      taken.fill(1, start, start + len);
      const s = Math.max(0, start - o.flank);
      const e = Math.min(l, start + len + o.flank);
      out.push({ sequenceIndex: seqIndex, start: s, end: e, attribution: csum[e] - csum[s], pValue: p });
    }
  }
}

/** Calls seqlets on `tracks` (one per sequence, higher = more relevant), p-value order. */
export function recursiveSeqlets(tracks: readonly Float32Array[], options: Partial<SeqletOptions> = {}): RawSeqlet[] {
  const o = { ...DEFAULT_SEQLET_OPTIONS, ...options };
  const nul = buildSpanNull(tracks, o.maxLength, o.bins, o.minLength);
  if (nul === null) return [];
  const out: RawSeqlet[] = [];
  tracks.forEach((t, i) => callInSequence(t, i, nul, o, out));
  return out.sort((a, b) => a.pValue - b.pValue || a.sequenceIndex - b.sequenceIndex || a.start - b.start);
}
