// The annotation footer of an out.json (motif hits, motif ranking, seqlets) as the rows the run
// cache keeps for a run the run service computed, for `plrp runs import`: an imported run must show
// the same hits, ranking and seqlets in the app and its report as the out.json it came from.
// Parsed loosely at the trust boundary, like out-json.ts: fields a newer engine adds pass through.
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { MotifHitRow, MotifRankRow } from '../../shared/run-api';
import type { StoredSeqlet } from '../export/seqlet-sets';
import { groupInOrder } from '../export/group-in-order';
import type { OutJson } from './out-json';

/** plrp explain writes { sum, mean } per explanation; a cached run's report document writes the sum alone. */
const hitRelevanceSchema = z.union([z.number(), z.looseObject({ sum: z.number() })]);

const hitSchema = z.looseObject({
  motif_id: z.string(),
  motif_alt_id: z.string().nullable().optional(),
  sequence: z.number().int().nonnegative(),
  start: z.number().int(),
  end: z.number().int(),
  strand: z.enum(['+', '-']),
  score: z.number(),
  p_value: z.number(),
  q_value: z.number(),
  matched_sequence: z.string(),
  relevance: z.record(z.string(), hitRelevanceSchema),
});

const rankSchema = z.looseObject({
  motifId: z.string(),
  motifAltId: z.string().nullable().optional(),
  hitCount: z.number().int().nonnegative(),
  coveredBp: z.number().int().nonnegative(),
  captured: z.number(),
});

const seqletSchema = z.looseObject({
  sequence: z.number().int().nonnegative(),
  start: z.number().int(),
  end: z.number().int(),
  sign: z.string(),
  attribution: z.number(),
  p_value: z.number(),
});

const footerSchema = z.looseObject({
  seqlets: z.record(z.string(), z.array(seqletSchema)).optional(),
  motifs: z.looseObject({
    hits: z.array(hitSchema).default([]),
    ranking: z.record(z.string(), z.array(rankSchema)).default({}),
  }).optional(),
});

/** A motif's row of the run's ranking, as the cache stores it (the fraction is derived on reading). */
export type StoredMotifRank = Omit<MotifRankRow, 'fraction'>;

export interface FooterAnnotations {
  hits: MotifHitRow[];
  ranks: StoredMotifRank[];
  /** Explanation id → seqlets with their sequence index. */
  seqlets: Record<string, (StoredSeqlet & { idx: number })[]>;
}

/** The run service names a motif by its alternative id, or by its id when it has none. */
function motifName(id: string, altId: string | null | undefined): string {
  return altId || id;
}

export function footerAnnotations(doc: OutJson, source: string): FooterAnnotations {
  const parsed = footerSchema.safeParse({ seqlets: doc.seqlets, motifs: doc.motifs });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_CONFIG', `${source}: unreadable motif or seqlet footer (${issue.path.join('.')}: ${issue.message})`);
  }
  const { seqlets = {}, motifs } = parsed.data;
  const hits = (motifs?.hits ?? []).map((h): MotifHitRow => ({
    sequenceIndex: h.sequence, motifId: h.motif_id, motifName: motifName(h.motif_id, h.motif_alt_id), startBp: h.start, endBp: h.end,
    strand: h.strand, score: h.score, pValue: h.p_value, qValue: h.q_value, matched: h.matched_sequence,
    relevance: Object.fromEntries(Object.entries(h.relevance).map(([id, r]) => [id, typeof r === 'number' ? r : r.sum])),
  }));
  return { hits, ranks: motifRanks(motifs?.ranking ?? {}, hits), seqlets: storedSeqlets(seqlets) };
}

/**
 * The file-wide ranking per explanation, summed per motif id as the run service sums its batches'
 * shares. out.json does not say in how many sequences a motif ranks; a motif ranks in every
 * sequence where it has a hit, so that is counted from the hits.
 */
function motifRanks(ranking: Record<string, z.infer<typeof rankSchema>[]>, hits: readonly MotifHitRow[]): StoredMotifRank[] {
  const sequencesOf = new Map([...groupInOrder(hits, (h) => h.motifId)].map(([id, own]) => [id, new Set(own.map((h) => h.sequenceIndex)).size]));
  const rows = new Map<string, StoredMotifRank>();
  for (const [explanationId, list] of Object.entries(ranking)) {
    for (const r of list) {
      const key = `${explanationId}\u0000${r.motifId}`;
      const row = rows.get(key);
      if (row) {
        row.hitCount += r.hitCount;
        row.coveredBp += r.coveredBp;
        row.captured += r.captured;
        continue;
      }
      rows.set(key, {
        explanationId, motifId: r.motifId, motifName: motifName(r.motifId, r.motifAltId), sequences: sequencesOf.get(r.motifId) ?? 0,
        hitCount: r.hitCount, coveredBp: r.coveredBp, captured: r.captured,
      });
    }
  }
  return [...rows.values()];
}

function storedSeqlets(seqlets: Record<string, z.infer<typeof seqletSchema>[]>): FooterAnnotations['seqlets'] {
  return Object.fromEntries(Object.entries(seqlets).map(([id, list]) => [id, list.map((s) => ({
    idx: s.sequence, startBp: s.start, endBp: s.end, sign: s.sign === 'negative' || s.sign === '-' ? '-' as const : '+' as const,
    sum: s.attribution, pValue: s.p_value,
  }))]));
}
