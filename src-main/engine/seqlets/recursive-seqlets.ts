// Recursive seqlet calling (tangermeme `recursive_seqlets`): a span [s, s+L) is a seqlet when its
// p-value and that of every sub-span of length ≥ minLength inside it are below the threshold;
// spans are accepted longest first, lowest p-value first, and never overlap. Called on +relevance
// for positive seqlets and on −relevance for negative ones (../shared/spec/genomics.md "Seqlets").
// Two deliberate differences from tangermeme's numba code: a seqlet may end at the last base (the
// original clips ends to L−1), and candidates are visited in sorted order instead of by repeated
// argmin (same order, ties to the lower start, without the O(L) scan per seqlet).
import { buildSpanNull, spanPValue, type SpanNull } from './span-null';

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
let scratchRows = new Float64Array(0);
let scratchPasses = new Uint8Array(0);

function rowsScratch(size: number): Float64Array {
  if (size > KEPT_SCRATCH_ENTRIES) return new Float64Array(size);
  if (scratchRows.length < size) scratchRows = new Float64Array(size);
  return scratchRows.subarray(0, size);
}

function passesScratch(size: number): Uint8Array {
  if (size > KEPT_SCRATCH_ENTRIES) return new Uint8Array(size);
  if (scratchPasses.length < size) scratchPasses = new Uint8Array(size);
  return scratchPasses.subarray(0, size);
}

/**
 * Memory is about 50 bytes per base (it was 208 with a p-value table of every length): the
 * prefix-folded p-values of one length are computed from the previous length only, each length
 * keeps a pass/fail byte per start and its passing spans as a sorted candidate list, and accepted
 * seqlets mark their bases as taken.
 */
function callInSequence(x: Float32Array, seqIndex: number, nul: SpanNull, o: SeqletOptions, out: RawSeqlet[]): void {
  const l = x.length;
  const threshold = o.threshold;
  const csum = new Float64Array(l + 1);
  for (let i = 0; i < l; i++) csum[i + 1] = csum[i] + x[i];
  // p of span (k, len), maxed with every shorter prefix span from k (length ≥ minLength); 1 once
  // a prefix fails. Below minLength there is no constraint (0).
  const rows = rowsScratch(2 * l);
  let shorter = rows.subarray(0, l).fill(0);
  let current = rows.subarray(l, 2 * l);
  // passes[len·l + k] = 1 when span (k, len) and all its prefixes pass; rows below minLength pass.
  const passes = passesScratch((o.maxLength + 1) * l);
  passes.fill(1, 0, o.minLength * l);
  // Passing starts of each length, ordered by p then start (typed arrays: a megabase record has
  // millions of them, which as objects would crowd the worker's heap).
  const candidates: Int32Array[] = [];
  const candidateP: Float64Array[] = [];
  for (let len = o.minLength; len <= o.maxLength; len++) {
    const row = len * l;
    const order: number[] = [];
    for (let k = 0; k < l; k++) {
      // Entries at or above the threshold are only ever compared with it, so once a prefix
      // fails, the longer spans from k fail too without a p-value lookup (lookups are the cost).
      const prefix = shorter[k];
      let p = 1;
      if (k + len <= l && prefix < threshold) {
        const pv = spanPValue(nul, len, csum[k + len] - csum[k]);
        p = pv > prefix ? pv : prefix;
      }
      current[k] = p;
      const pass = p < threshold;
      passes[row + k] = pass ? 1 : 0;
      if (pass) order.push(k);
    }
    order.sort((a, b) => current[a] - current[b] || a - b);
    candidates[len] = Int32Array.from(order);
    candidateP[len] = Float64Array.from(order, (k) => current[k]);
    [shorter, current] = [current, shorter];
  }
  const taken = new Uint8Array(l);
  for (let len = o.maxLength; len >= o.minLength; len--) {
    const starts = candidates[len];
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      const p = candidateP[len][i];
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
