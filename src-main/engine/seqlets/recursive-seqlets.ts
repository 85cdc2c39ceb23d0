// Recursive seqlet calling (tangermeme `recursive_seqlets`): a span [s, s+L) is a seqlet when its
// p-value and that of every sub-span of length ≥ minLength inside it are below the threshold;
// spans are accepted longest first, lowest p-value first, and never overlap. Called on +relevance
// for positive seqlets and on −relevance for negative ones (../shared/spec/genomics.md "Seqlets").
// Two deliberate differences from tangermeme's numba code: a seqlet may end at the last base (the
// original clips ends to L−1), and candidates are visited in sorted order instead of by repeated
// argmin (same order, ties to the lower start, without the O(L) scan per seqlet). Two more, in the
// p-values (./span-null): a span is binned as the sum of its bases' bins, as the null is, and a
// span whose relevance is not above zero is never significant. And a called seqlet is trimmed to
// start and end on bases with relevance of its sign.
import { cumulativeBins, nullHistogram, spanNullOf, spanPValue, type NullHistogram, type SpanNull } from './span-null';
import { nullSampleSize } from './null-sample';
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
let keptPasses = new Uint8Array(0);
/** The passing spans of one length: their starts (ascending) and p-values, `count` of them. */
interface Survivors {
  starts: Int32Array;
  p: Float64Array;
  count: number;
}
/**
 * Per length, reused like `keptPasses`, up to this many spans: at most 4.3 MB over the 22 lengths,
 * enough for tracks of 16 kbp.
 */
const KEPT_SURVIVOR_ENTRIES = 1 << 14;
const keptSurvivors: Survivors[] = [];

function passesTable(size: number): Uint8Array {
  if (size > KEPT_SCRATCH_ENTRIES) return new Uint8Array(size);
  if (keptPasses.length < size) keptPasses = new Uint8Array(Math.max(size, 2 * keptPasses.length));
  return keptPasses;
}

/** Room for `capacity` spans of length `len`: kept for short tracks, new (and dropped after the call) for long ones. */
function survivorsOf(len: number, capacity: number): Survivors {
  if (capacity > KEPT_SURVIVOR_ENTRIES) return { starts: new Int32Array(capacity), p: new Float64Array(capacity), count: 0 };
  let s = keptSurvivors[len];
  if (!s || s.starts.length < capacity) {
    const size = Math.min(KEPT_SURVIVOR_ENTRIES, Math.max(capacity, 2 * (s?.starts.length ?? 0)));
    keptSurvivors[len] = s = { starts: new Int32Array(size), p: new Float64Array(size), count: 0 };
  }
  s.count = 0;
  return s;
}

/**
 * A length's survivors once counted. Arrays of their own (a long track's) are trimmed when half
 * empty: a megabase record has millions, and the arrays were sized for the length before.
 */
function finished(len: number, s: Survivors): Survivors {
  if (s === keptSurvivors[len] || s.count * 2 > s.starts.length) return s;
  return { starts: s.starts.slice(0, s.count), p: s.p.slice(0, s.count), count: s.count };
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
  const bsum = cumulativeBins(nul, x);
  // passes[len·l + k] = 1 when span (k, len) and all its prefixes pass; rows below minLength pass.
  const passes = passesTable((o.maxLength + 1) * l);
  passes.fill(1, 0, o.minLength * l);
  passes.fill(0, o.minLength * l, (o.maxLength + 1) * l);
  // Each length's passing spans in ascending start order, which the next length needs; they are
  // ordered by p only for acceptance. Below minLength every start is alive with p 0.
  const byLength: Survivors[] = [];
  let previous: Survivors | null = null;
  for (let len = o.minLength; len <= o.maxLength; len++) {
    const row = len * l;
    const tried: number = previous ? previous.count : Math.max(0, l - o.minLength + 1);
    const next = survivorsOf(len, tried);
    const { starts, p: pOf } = next;
    const triedStarts = previous?.starts;
    const triedP = previous?.p;
    let n = 0;
    for (let i = 0; i < tried; i++) {
      const k = triedStarts ? triedStarts[i] : i;
      if (k + len > l) break; // ascending starts: the rest run past the end too
      const pv = spanPValue(nul, len, bsum[k + len] - bsum[k], csum[k + len] - csum[k]);
      const before = triedP ? triedP[i] : 0;
      const p = pv > before ? pv : before;
      if (!(p < threshold)) continue;
      passes[row + k] = 1;
      starts[n] = k;
      pOf[n++] = p;
    }
    next.count = n;
    byLength[len] = previous = finished(len, next);
  }
  const taken = new Uint8Array(l);
  for (let len = o.maxLength; len >= o.minLength; len--) {
    const { starts, p: pOf, count } = byLength[len];
    // A span overlapping a seqlet accepted at a longer length is refused in any order, so such
    // spans are dropped before the ordering, which on a megabase record is most of them. Every
    // seqlet so far is longer than this span, so it cannot lie strictly inside it: the span
    // overlaps one exactly when its first or last base is taken.
    let end = 0;
    for (let i = 0; i < count; i++) {
      const start = starts[i];
      if (taken[start] || taken[start + len - 1]) continue;
      starts[end] = start;
      pOf[end++] = pOf[i];
    }
    sortByP(starts, pOf, 0, end);
    for (let i = 0; i < end; i++) {
      const start = starts[i];
      const p = pOf[i];
      if (taken[start]) continue; // starts inside an accepted seqlet
      // Every suffix span must pass too (prefixes are already folded into p); a suffix starting
      // inside an accepted seqlet fails, which is how overlaps are refused.
      let ok = true;
      for (let k = 1; k < len && ok; k++) if (taken[start + k] || !passes[(len - k) * l + start + k]) ok = false;
      if (!ok) continue;
      taken.fill(1, start, start + len);
      // The seqlet starts and ends on bases that carry relevance of its sign: a span is significant
      // by its sum, and bases with none (PLRP zeroes most of them) at its edges are only carried
      // along. They stay taken, so which spans are called does not change.
      let first = start;
      let last = start + len;
      while (first < last - 1 && !(x[first] > 0)) first++;
      while (last > first + 1 && !(x[last - 1] > 0)) last--;
      const s = Math.max(0, first - o.flank);
      const e = Math.min(l, last + o.flank);
      out.push({ sequenceIndex: seqIndex, start: s, end: e, attribution: csum[e] - csum[s], pValue: p });
    }
  }
}

/**
 * Calls seqlets on `tracks` (one per sequence, higher = more relevant), p-value order, against the
 * null of `histogram` (./null-sample), by default that of the tracks' leading sample (the tracks
 * are then the input's sequences in input order). A null histogram: nothing to call.
 */
export function recursiveSeqlets(tracks: readonly Float32Array[], options: Partial<SeqletOptions> = {}, histogram?: NullHistogram | null): RawSeqlet[] {
  const o = { ...DEFAULT_SEQLET_OPTIONS, ...options };
  const h = histogram === undefined ? nullHistogram(tracks.slice(0, nullSampleSize(tracks.map((t) => t.length))), o.bins) : histogram;
  if (h === null) return [];
  return recursiveSeqletsWith(tracks, spanNullOf(h, o.maxLength, o.minLength), o);
}

/** As recursiveSeqlets, with the span null already built (a worker keeps it between batches). */
export function recursiveSeqletsWith(tracks: readonly Float32Array[], nul: SpanNull, options: Partial<SeqletOptions> = {}): RawSeqlet[] {
  const o = { ...DEFAULT_SEQLET_OPTIONS, ...options };
  const out: RawSeqlet[] = [];
  tracks.forEach((t, i) => callInSequence(t, i, nul, o, out));
  return out.sort((a, b) => a.pValue - b.pValue || a.sequenceIndex - b.sequenceIndex || a.start - b.start);
}
