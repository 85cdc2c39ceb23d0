// The form a run stores its motif hits in: one record per sequence, not one row per hit. A default
// run finds about 27 hits per sequence, and a SQLite insert cost the main thread (which stores
// every worker's batches) about 6.5 µs per hit row, most of its time per sequence. Workers build
// these records, so the main thread inserts one row per sequence.
//   findings   JSON array, one tuple per hit in stored (FIMO) order:
//              [motifId, motifName, startBp, endBp, strand, score, pValue, qValue, matched]
//   relevance  JSON object: explanation id → the hits' summed relevance, in the same order.
// Findings do not depend on the explanations, so a run that reuses an earlier scan reads them
// alone, and renaming explanation ids touches only the relevance object (in SQL, digit for digit).
import type { MotifHitRow } from '../../shared/run-api';
import type { KnownHit } from '../pool/explain-task';
import { groupInOrder } from './group-in-order';

export interface MotifHitSet {
  idx: number;
  count: number;
  findingsJson: string;
  relevanceJson: string;
}

type FindingTuple = [string, string, number, number, '+' | '-', number, number, number, string];

/** One record per sequence that has hits, in order of first appearance; each keeps its hits' order. */
export function motifHitSets(rows: readonly MotifHitRow[]): MotifHitSet[] {
  return [...groupInOrder(rows, (h) => h.sequenceIndex)].map(([idx, hits]) => {
    // Every explanation any hit has (an imported file may lack one for some hits: null there).
    const ids = new Set<string>();
    for (const h of hits) for (const id in h.relevance) ids.add(id);
    const relevance: Record<string, (number | null)[]> = {};
    for (const id of ids) relevance[id] = hits.map((h) => h.relevance[id] ?? null);
    const findings = hits.map((h): FindingTuple => [h.motifId, h.motifName, h.startBp, h.endBp, h.strand, h.score, h.pValue, h.qValue, h.matched]);
    return { idx, count: hits.length, findingsJson: JSON.stringify(findings), relevanceJson: JSON.stringify(relevance) };
  });
}

export function decodeFindings(findingsJson: string): KnownHit[] {
  return (JSON.parse(findingsJson) as FindingTuple[]).map(([motifId, motifName, startBp, endBp, strand, score, pValue, qValue, matched]) => ({
    motifId, motifName, startBp, endBp, strand, score, pValue, qValue, matched,
  }));
}

/** The hit rows of one stored sequence, in stored order. */
export function decodeHitSet(idx: number, findingsJson: string, relevanceJson: string): MotifHitRow[] {
  const relevance = Object.entries(JSON.parse(relevanceJson) as Record<string, number[]>);
  return decodeFindings(findingsJson).map((f, i) => {
    const r: Record<string, number> = {};
    for (const [id, sums] of relevance) r[id] = sums[i];
    return { sequenceIndex: idx, ...f, relevance: r };
  });
}
