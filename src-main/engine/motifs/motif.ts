// A position frequency matrix over A,C,G,T, as every motif reader returns it and the scanner,
// seqlet annotation and MEME writer consume it. Counts become probabilities by column total; a
// column of probabilities that does not sum to 1 is renormalised with a warning
// (../shared/spec/genomics.md "Motif files").
import { AppError } from '../../shared/errors';

export interface Motif {
  /** Stable accession, e.g. `MA0004.1` (FIMO's motif_id). */
  id: string;
  /** Human name, e.g. `Arnt` (FIMO's motif_alt_id); '' when the file has none. */
  altId: string;
  /** [width][4] probabilities in A,C,G,T order; every row sums to 1. */
  probs: number[][];
  /** Number of sites the matrix was built from (pseudocount weight); null when the file does not say. */
  nsites: number | null;
  /** Base name of the file the motif came from. */
  source: string;
}

/** Relative slack before a probability row counts as "not summing to 1" (files print 6 decimals). */
const SUM_TOLERANCE = 1e-3;

/**
 * Builds a Motif from rows ([width][4]) of probabilities (MEME) or of counts or probabilities
 * ('auto', the count formats: a row sum above 1 + tolerance means counts). Counts give nsites = the
 * largest column total unless the file states it.
 */
export function motifFromRows(
  rows: number[][],
  meta: { id: string; altId: string; nsites: number | null; source: string; where: string; kind?: 'probabilities' | 'auto' },
  warnings?: string[],
): Motif {
  if (rows.length === 0) throw new AppError('BAD_MOTIFS', `${meta.where}: motif '${meta.id}' has no columns`);
  const sums = rows.map((r, i) => {
    if (r.length !== 4) throw new AppError('BAD_MOTIFS', `${meta.where}: motif '${meta.id}' position ${i + 1} has ${r.length} values, expected 4 (A, C, G, T)`);
    for (const v of r) {
      if (!Number.isFinite(v) || v < 0) throw new AppError('BAD_MOTIFS', `${meta.where}: motif '${meta.id}' position ${i + 1} has a negative or non-numeric value`);
    }
    return r[0] + r[1] + r[2] + r[3];
  });
  const zero = sums.findIndex((s) => s === 0);
  if (zero >= 0) throw new AppError('BAD_MOTIFS', `${meta.where}: motif '${meta.id}' position ${zero + 1} is all zeros`);
  const counts = meta.kind !== 'probabilities' && sums.some((s) => s > 1 + SUM_TOLERANCE);
  if (!counts) {
    const off = sums.findIndex((s) => Math.abs(s - 1) > SUM_TOLERANCE);
    if (off >= 0) warnings?.push(`${meta.where}: motif '${meta.id}' position ${off + 1} sums to ${sums[off].toFixed(4)}; renormalised to 1`);
  }
  const nsites = meta.nsites ?? (counts ? Math.round(Math.max(...sums)) : null);
  return {
    id: meta.id,
    altId: meta.altId,
    probs: rows.map((r, i) => r.map((v) => v / sums[i])),
    nsites,
    source: meta.source,
  };
}

export function parseNumber(token: string, where: string): number {
  const v = Number(token);
  if (token === '' || !Number.isFinite(v)) throw new AppError('BAD_MOTIFS', `${where}: '${token}' is not a number`);
  return v;
}
