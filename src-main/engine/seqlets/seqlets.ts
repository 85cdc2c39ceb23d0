// Positive and negative seqlets of an explanation, each annotated with the best (lowest p-value)
// motif hit it overlaps — the "found without motifs" counterpart of relevance-weighted hits.
import type { MotifHit } from '../motifs/hit';
import { DEFAULT_SEQLET_OPTIONS, recursiveSeqletsWith, type SeqletOptions } from './recursive-seqlets';
import { seqletNullsOfLeading, type SeqletNulls } from './null-sample';
import { spanNullOf, type SpanNull } from './span-null';

export interface Seqlet {
  sequenceIndex: number;
  start: number;
  end: number;
  sign: 'positive' | 'negative';
  /** Signed relevance summed over [start, end). */
  attribution: number;
  pValue: number;
  bestHit: MotifHit | null;
}

/** The span nulls of both signs (null: nothing to call of that sign). */
export interface SpanNulls {
  positive: SpanNull | null;
  negative: SpanNull | null;
}

/** Builds the span nulls of a sample's histograms: about 40 ms per sign (FFT convolutions), so a worker keeps them. */
export function spanNullsOf(nulls: SeqletNulls, options: Partial<SeqletOptions> = {}): SpanNulls {
  const o = { ...DEFAULT_SEQLET_OPTIONS, ...options };
  const of = (h: SeqletNulls['positive']): SpanNull | null => h && spanNullOf(h, o.maxLength, o.minLength);
  return { positive: of(nulls.positive), negative: of(nulls.negative) };
}

/**
 * Seqlets of both signs against `nulls` (./null-sample); by default those of the tracks' leading
 * sample, the tracks being the input's sequences in input order (`plrp explain`, merge, import).
 */
export function callSeqlets(tracks: readonly Float32Array[], hits: readonly MotifHit[] = [], options: Partial<SeqletOptions> = {}, nulls?: SpanNulls): Seqlet[] {
  const n = nulls ?? spanNullsOf(seqletNullsOfLeading(tracks, options.bins ?? DEFAULT_SEQLET_OPTIONS.bins), options);
  const positive = n.positive ? recursiveSeqletsWith(tracks, n.positive, options).map((s) => ({ ...s, sign: 'positive' as const })) : [];
  const negated = tracks.map((t) => t.map((v) => -v));
  const negative = n.negative
    ? recursiveSeqletsWith(negated, n.negative, options).map((s) => ({ ...s, attribution: -s.attribution, sign: 'negative' as const }))
    : [];
  const annotate = overlapIndex(hits);
  return [...positive, ...negative]
    .sort((a, b) => a.pValue - b.pValue || a.sequenceIndex - b.sequenceIndex || a.start - b.start)
    .map((s) => ({ ...s, bestHit: annotate(s.sequenceIndex, s.start, s.end) }));
}

/** Finds the lowest-p hit overlapping [start, end) using per-sequence start-sorted hits. */
export function overlapIndex(hits: readonly MotifHit[]): (sequenceIndex: number, start: number, end: number) => MotifHit | null {
  const bySeq = new Map<number, MotifHit[]>();
  let maxWidth = 0;
  for (const h of hits) {
    const list = bySeq.get(h.sequenceIndex);
    if (list) list.push(h);
    else bySeq.set(h.sequenceIndex, [h]);
    maxWidth = Math.max(maxWidth, h.end - h.start);
  }
  for (const list of bySeq.values()) list.sort((a, b) => a.start - b.start);
  return (sequenceIndex, start, end) => {
    const list = bySeq.get(sequenceIndex);
    if (!list) return null;
    // First hit that could still reach `start` (no hit is longer than maxWidth).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= start - maxWidth) lo = mid + 1;
      else hi = mid;
    }
    let best: MotifHit | null = null;
    for (let i = lo; i < list.length && list[i].start < end; i++) {
      const h = list[i];
      if (h.end > start && (best === null || h.pValue < best.pValue)) best = h;
    }
    return best;
  };
}
