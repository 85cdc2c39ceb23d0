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

let scratchBuffer = new Float64Array(0);

/** A reused buffer for the p-value table (callInSequence runs twice per sequence). */
function scratch(size: number): Float64Array {
  if (scratchBuffer.length < size) scratchBuffer = new Float64Array(size);
  return scratchBuffer.subarray(0, size);
}

function callInSequence(x: Float32Array, seqIndex: number, nul: SpanNull, o: SeqletOptions, out: RawSeqlet[]): void {
  const l = x.length;
  const threshold = o.threshold;
  const csum = new Float64Array(l + 1);
  for (let i = 0; i < l; i++) csum[i + 1] = csum[i] + x[i];
  // p[len·l + k]: p-value of span (k, len) maxed with every shorter prefix span from k (length ≥
  // minLength); rows below minLength are 0 ("no constraint") until a seqlet masks their positions
  // to 1. One reused buffer for all rows: this runs once per sequence and sign.
  const p = scratch((o.maxLength + 1) * l);
  p.fill(0, 0, o.minLength * l);
  p.fill(1, o.minLength * l);
  // Entries at or above the threshold are only ever compared with it, so once a prefix fails, the
  // longer spans from k keep the 1 they were filled with and need no p-value lookup (lookups are
  // the cost: the tables of all lengths together are megabytes, far beyond the cache).
  for (let len = o.minLength; len <= o.maxLength; len++) {
    const row = len * l;
    for (let k = 0; k + len <= l; k++) {
      const shorter = p[row - l + k];
      if (shorter >= threshold) continue;
      const pv = spanPValue(nul, len, csum[k + len] - csum[k]);
      p[row + k] = pv > shorter ? pv : shorter;
    }
  }
  for (let len = o.maxLength; len >= o.minLength; len--) {
    const row = len * l;
    const candidates: number[] = [];
    for (let k = 0; k + len <= l; k++) if (p[row + k] < threshold) candidates.push(k);
    candidates.sort((a, b) => p[row + a] - p[row + b] || a - b);
    for (const start of candidates) {
      const pv = p[row + start];
      if (pv >= threshold) continue; // masked by an accepted seqlet
      p[row + start] = 1;
      // Every suffix span must pass too (prefixes are already folded into p[len][start]); a suffix
      // starting inside an accepted seqlet reads 1, which is how overlaps are refused.
      let ok = true;
      for (let k = 1; k < len && ok; k++) if (p[(len - k) * l + start + k] >= threshold) ok = false;
      if (!ok) continue;
      for (let r = 0; r <= o.maxLength; r++) p.fill(1, r * l + start, r * l + start + len);
      const s = Math.max(0, start - o.flank);
      const e = Math.min(l, start + len + o.flank);
      out.push({ sequenceIndex: seqIndex, start: s, end: e, attribution: csum[e] - csum[s], pValue: pv });
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
