// Each sequence's share of each motif's captured relevance (additive over sequences), as columns:
// the form they travel in from a worker to the main thread, which sums a batch's shares per motif
// into the run's ranking. A default run has about 25 shares per sequence; as objects, receiving
// them and summing them by a string key cost the main thread about 2 µs each, more than the
// upserts of the sums.
import type { MotifRankRow } from '../../shared/run-api';

export interface RankShares {
  explanationIds: string[];
  /** Motif ids and display names, indexed by `motif`. */
  motifIds: string[];
  motifNames: string[];
  idx: Int32Array;
  explanation: Int32Array;
  motif: Int32Array;
  hitCount: Int32Array;
  coveredBp: Int32Array;
  captured: Float64Array;
}

/** One sequence's share of one motif's captured relevance under one explanation. */
export interface RankShare {
  idx: number;
  explanationId: string;
  motifId: string;
  motifName: string;
  hitCount: number;
  coveredBp: number;
  captured: number;
}

export function rankShares(shares: readonly RankShare[]): RankShares {
  const n = shares.length;
  const explanationIds: string[] = [];
  const motifIds: string[] = [];
  const motifNames: string[] = [];
  const explanationOf = new Map<string, number>();
  // Shares are summed per motif id (the ranking's key); the first display name stands for it.
  const motifOf = new Map<string, number>();
  const c: RankShares = {
    explanationIds, motifIds, motifNames, idx: new Int32Array(n), explanation: new Int32Array(n), motif: new Int32Array(n),
    hitCount: new Int32Array(n), coveredBp: new Int32Array(n), captured: new Float64Array(n),
  };
  shares.forEach((s, i) => {
    let e = explanationOf.get(s.explanationId);
    if (e === undefined) explanationOf.set(s.explanationId, (e = explanationIds.push(s.explanationId) - 1));
    let m = motifOf.get(s.motifId);
    if (m === undefined) {
      motifOf.set(s.motifId, (m = motifIds.push(s.motifId) - 1));
      motifNames.push(s.motifName);
    }
    c.idx[i] = s.idx;
    c.explanation[i] = e;
    c.motif[i] = m;
    c.hitCount[i] = s.hitCount;
    c.coveredBp[i] = s.coveredBp;
    c.captured[i] = s.captured;
  });
  return c;
}

/** The buffers a worker hands over with the shares (they are detached on its side). */
export function rankShareBuffers(c: RankShares): ArrayBuffer[] {
  return [c.idx, c.explanation, c.motif, c.hitCount, c.coveredBp, c.captured].map((a) => a.buffer as ArrayBuffer);
}

/** A batch's contribution to one row of the run's motif ranking. */
export type MotifShareSum = Omit<MotifRankRow, 'fraction'>;

/** The shares of the sequences `include` accepts, summed per explanation and motif, in order of first appearance. */
export function sumRankShares(c: RankShares, include: (idx: number) => boolean): MotifShareSum[] {
  const motifs = c.motifIds.length;
  const slot = new Int32Array(c.explanationIds.length * motifs).fill(-1);
  const sums: MotifShareSum[] = [];
  for (let i = 0; i < c.idx.length; i++) {
    if (!include(c.idx[i])) continue;
    const k = c.explanation[i] * motifs + c.motif[i];
    if (slot[k] < 0) {
      slot[k] = sums.length;
      sums.push({ explanationId: c.explanationIds[c.explanation[i]], motifId: c.motifIds[c.motif[i]], motifName: c.motifNames[c.motif[i]], sequences: 0, hitCount: 0, coveredBp: 0, captured: 0 });
    }
    const s = sums[slot[k]];
    s.sequences++;
    s.hitCount += c.hitCount[i];
    s.coveredBp += c.coveredBp[i];
    s.captured += c.captured[i];
  }
  return sums;
}
