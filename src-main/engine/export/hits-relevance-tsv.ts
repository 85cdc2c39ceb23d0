// Motif hits with their relevance (FIMO's ten columns, then `<explanation>_sum` and
// `<explanation>_mean` per explanation, then the region the hit was found in: each overlapping
// region weights the same hit by its own explanation, so it has a line of its own) and the motif ranking by captured relevance — the tables a
// user sorts in a spreadsheet to see which motifs the model used.
import type { MotifRelevanceRank, WeightedHit } from '../motifs/hit-relevance';
import { FIMO_COLUMNS, HIT_REGION_COLUMN, type RegionOf } from './fimo-tsv';
import { formatG } from './format-number';

export function formatWeightedHitsTsv(hits: readonly WeightedHit[], explanationIds: readonly string[], regionOf: RegionOf): string {
  const header = [...FIMO_COLUMNS, ...explanationIds.flatMap((id) => [`${id}_sum`, `${id}_mean`]), HIT_REGION_COLUMN];
  const rows = hits.map((h) => [
    h.motifId, h.motifAltId, h.sequenceName, h.start + 1, h.end, h.strand,
    formatG(h.score, 6), formatG(h.pValue, 3), formatG(h.qValue, 3), h.matchedSequence,
    ...explanationIds.flatMap((id) => {
      const r = h.relevance[id];
      return r ? [formatG(r.sum, 6), formatG(r.mean, 6)] : ['', ''];
    }),
    regionOf(h),
  ].join('\t'));
  return [header.join('\t'), ...rows].join('\n') + '\n';
}

export function formatMotifRankingTsv(ranks: readonly MotifRelevanceRank[], sequenceName?: string): string {
  const header = ['rank', ...(sequenceName !== undefined ? ['sequence_name'] : []), 'motif_id', 'motif_alt_id', 'hits', 'covered_bp', 'captured_relevance', 'fraction_of_total'];
  const rows = ranks.map((r, i) => [
    i + 1, ...(sequenceName !== undefined ? [sequenceName] : []), r.motifId, r.motifAltId, r.hitCount, r.coveredBp, formatG(r.captured, 6), formatG(r.fraction, 4),
  ].join('\t'));
  return [header.join('\t'), ...rows].join('\n') + '\n';
}
