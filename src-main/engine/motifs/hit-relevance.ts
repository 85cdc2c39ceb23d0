// The link between "which motifs are there" and "what the model looked at"
// (../shared/spec/genomics.md "Motif scanning" step 6): every hit gets, per explanation, the sum and
// mean of the per-base (observed-base) relevance inside it, and motifs are ranked by the relevance
// their hits capture, per sequence and over the file.
import type { MotifHit } from './hit';

/** Per-base relevance of one sequence, keyed by explanation id (e.g. 'lrp', 'plrp-p0.5'). */
export type SequenceRelevance = Readonly<Record<string, Float32Array>>;

export interface HitRelevance {
  sum: number;
  mean: number;
}

export type WeightedHit = MotifHit & { relevance: Record<string, HitRelevance> };

/** Per explanation, Σ relevance over the hit's bases (those within the track). */
export function relevanceSums(hit: Pick<MotifHit, 'start' | 'end'>, tracks: SequenceRelevance): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [id, track] of Object.entries(tracks)) {
    let sum = 0;
    const end = Math.min(hit.end, track.length);
    for (let i = hit.start; i < end; i++) sum += track[i];
    sums[id] = sum;
  }
  return sums;
}

export function weightHitsByRelevance(hits: readonly MotifHit[], relevanceBySequence: readonly SequenceRelevance[]): WeightedHit[] {
  return hits.map((h) => {
    const relevance: Record<string, HitRelevance> = {};
    const tracks = relevanceBySequence[h.sequenceIndex] ?? {};
    for (const [id, sum] of Object.entries(relevanceSums(h, tracks))) relevance[id] = hitRelevance(sum, Math.min(h.end, tracks[id].length) - h.start);
    return { ...h, relevance };
  });
}

/**
 * A hit's sum and mean from its sum over `bases` bases. A run stores only the sum (its hits lie
 * inside their sequence, so `bases` is the hit's length there), and its exports take the mean from
 * here, so the app's motif hits TSV and `explain --export`'s hits-relevance.tsv agree.
 */
export function hitRelevance(sum: number, bases: number): HitRelevance {
  return { sum, mean: bases > 0 ? sum / bases : 0 };
}

export interface MotifRelevanceRank {
  motifIndex: number;
  motifId: string;
  motifAltId: string;
  hitCount: number;
  /** Bases covered by the motif's hits (union: overlapping hits and both strands count once). */
  coveredBp: number;
  /** Signed relevance summed over the covered bases. */
  captured: number;
  /** captured / Σ|relevance| of the sequence (or file): the share of the explanation it accounts for. */
  fraction: number;
}

export interface MotifRanking {
  /** Indexed like relevanceBySequence; each list sorted by captured relevance, highest first. */
  perSequence: MotifRelevanceRank[][];
  overall: MotifRelevanceRank[];
}

function byCaptured(a: MotifRelevanceRank, b: MotifRelevanceRank): number {
  return b.captured - a.captured || a.motifIndex - b.motifIndex;
}

/**
 * Σ track[i] over the bases the hits cover, each base once, visited in ascending order (the order
 * a per-base mask gives, so the sum is the same to the last bit). Works on the hits' merged
 * intervals: a mask as long as the track, per motif, cost 879 motifs × the record's length, which
 * on a 1 Mbp record was seconds per explanation.
 */
function sumOverUnion(hits: readonly MotifHit[], track: Float32Array): { captured: number; coveredBp: number } {
  const spans = hits.map((h) => [h.start, Math.min(h.end, track.length)]).sort((a, b) => a[0] - b[0]);
  let captured = 0;
  let coveredBp = 0;
  let next = 0; // first base not yet summed
  for (const [start, end] of spans) {
    for (let i = Math.max(start, next); i < end; i++) captured += track[i];
    if (end > Math.max(start, next)) coveredBp += end - Math.max(start, next);
    next = Math.max(next, end);
  }
  return { captured, coveredBp };
}

/** Ranks motifs by the relevance of explanation `explanationId` that falls inside their hits. */
export function rankMotifsByRelevance(hits: readonly MotifHit[], relevanceBySequence: readonly SequenceRelevance[], explanationId: string): MotifRanking {
  const hitsBySequence = relevanceBySequence.map((): MotifHit[] => []);
  for (const h of hits) hitsBySequence[h.sequenceIndex]?.push(h);
  const overall = new Map<number, MotifRelevanceRank>();
  let fileAbs = 0;
  const perSequence = relevanceBySequence.map((tracks, s) => {
    const track = tracks[explanationId];
    if (track === undefined) return [];
    let seqAbs = 0;
    for (let i = 0; i < track.length; i++) seqAbs += Math.abs(track[i]);
    fileAbs += seqAbs;
    const byMotif = new Map<number, MotifHit[]>();
    for (const h of hitsBySequence[s]) {
      const list = byMotif.get(h.motifIndex);
      if (list) list.push(h);
      else byMotif.set(h.motifIndex, [h]);
    }
    const ranks: MotifRelevanceRank[] = [];
    for (const [motifIndex, list] of byMotif) {
      const { captured, coveredBp } = sumOverUnion(list, track);
      const rank = { motifIndex, motifId: list[0].motifId, motifAltId: list[0].motifAltId, hitCount: list.length, coveredBp, captured, fraction: seqAbs > 0 ? captured / seqAbs : 0 };
      ranks.push(rank);
      const total = overall.get(motifIndex) ?? { ...rank, hitCount: 0, coveredBp: 0, captured: 0, fraction: 0 };
      total.hitCount += rank.hitCount;
      total.coveredBp += coveredBp;
      total.captured += captured;
      overall.set(motifIndex, total);
    }
    return ranks.sort(byCaptured);
  });
  const overallList = [...overall.values()].map((r) => ({ ...r, fraction: fileAbs > 0 ? r.captured / fileAbs : 0 }));
  return { perSequence, overall: overallList.sort(byCaptured) };
}
