// Motif hits with their relevance (FIMO's ten columns, then `<explanation>_sum` and
// `<explanation>_mean` per explanation, then the region the hit was found in: each overlapping
// region weights the same hit by its own explanation, so it has a line of its own) and the motif ranking by captured relevance — the tables a
// user sorts in a spreadsheet to see which motifs the model used.
// One writer for both files that hold hits with relevance: `explain --export`'s hits-relevance.tsv
// (formatWeightedHitsTsv) and the app's motif hits TSV (server/api/export-run.ts, which streams a
// run's hits sequence by sequence through the header and line functions), so the two have the same
// columns and numbers.
import type { HitRelevance, MotifRelevanceRank, WeightedHit } from '../motifs/hit-relevance';
import type { MotifHit } from '../motifs/hit';
import { FIMO_COLUMNS, HIT_REGION_COLUMN, type RegionOf } from './fimo-tsv';
import { formatG } from './format-number';

/** What a line needs of a hit: FIMO's fields, and its relevance per explanation (none: empty cells). */
export type HitWithRelevance = Pick<MotifHit, 'motifId' | 'motifAltId' | 'sequenceName' | 'start' | 'end' | 'strand' | 'score' | 'pValue' | 'qValue' | 'matchedSequence'>
  & { relevance: Readonly<Record<string, HitRelevance | undefined>> };

/** The header line, newline included. */
export function weightedHitsHeader(explanationIds: readonly string[]): string {
  return [...FIMO_COLUMNS, ...explanationIds.flatMap((id) => [`${id}_sum`, `${id}_mean`]), HIT_REGION_COLUMN].join('\t') + '\n';
}

/**
 * One hit's line, newline included: FIMO's coordinates (1-based, inclusive) and number formats
 * (score %g, p- and q-value %.3g), relevance as %g; an explanation the hit has no relevance for
 * (an imported run may lack one for some hits) leaves its two cells empty.
 */
export function weightedHitLine(h: HitWithRelevance, explanationIds: readonly string[], region: string): string {
  return [
    h.motifId, h.motifAltId, h.sequenceName, h.start + 1, h.end, h.strand,
    formatG(h.score, 6), formatG(h.pValue, 3), formatG(h.qValue, 3), h.matchedSequence,
    ...explanationIds.flatMap((id) => {
      const r = h.relevance[id];
      return r ? [formatG(r.sum, 6), formatG(r.mean, 6)] : ['', ''];
    }),
    region,
  ].join('\t') + '\n';
}

export function formatWeightedHitsTsv(hits: readonly WeightedHit[], explanationIds: readonly string[], regionOf: RegionOf): string {
  return weightedHitsHeader(explanationIds) + hits.map((h) => weightedHitLine(h, explanationIds, regionOf(h))).join('');
}

export function formatMotifRankingTsv(ranks: readonly MotifRelevanceRank[], sequenceName?: string): string {
  const header = ['rank', ...(sequenceName !== undefined ? ['sequence_name'] : []), 'motif_id', 'motif_alt_id', 'hits', 'covered_bp', 'captured_relevance', 'fraction_of_total'];
  const rows = ranks.map((r, i) => [
    i + 1, ...(sequenceName !== undefined ? [sequenceName] : []), r.motifId, r.motifAltId, r.hitCount, r.coveredBp, formatG(r.captured, 6), formatG(r.fraction, 4),
  ].join('\t'));
  return [header.join('\t'), ...rows].join('\n') + '\n';
}
