// Per-file FASTA summary shown when a file is opened (records, total bp, length range, N and
// soft-masked fractions), accumulated while streaming so it costs no second pass; and the
// duplicate-name check, which is an error only where names key the results (exports, tracks).
import { AppError } from '../../shared/errors';
import { readFasta, type FastaRecord } from './fasta';

export interface FastaSummary {
  records: number;
  totalBp: number;
  minLengthBp: number;
  maxLengthBp: number;
  /** Fraction of bases that are N or IUPAC ambiguity codes. */
  unknownFraction: number;
  /** Fraction of bases that were soft-masked (lower case). */
  lowercaseFraction: number;
  /** Names that occur more than once, in first-seen order. */
  duplicateNames: string[];
}

export class FastaSummaryAccumulator {
  private records = 0;
  private totalBp = 0;
  private minLengthBp = Infinity;
  private maxLengthBp = 0;
  private unknown = 0;
  private lowercase = 0;
  private seen = new Set<string>();
  private duplicates = new Set<string>();

  add(r: FastaRecord): void {
    const n = r.sequence.length;
    this.records++;
    this.totalBp += n;
    this.minLengthBp = Math.min(this.minLengthBp, n);
    this.maxLengthBp = Math.max(this.maxLengthBp, n);
    this.unknown += r.unknownCount;
    this.lowercase += r.lowercaseCount;
    if (this.seen.has(r.name)) this.duplicates.add(r.name);
    this.seen.add(r.name);
  }

  summary(): FastaSummary {
    const bp = Math.max(this.totalBp, 1);
    return {
      records: this.records,
      totalBp: this.totalBp,
      minLengthBp: this.records > 0 ? this.minLengthBp : 0,
      maxLengthBp: this.maxLengthBp,
      unknownFraction: this.unknown / bp,
      lowercaseFraction: this.lowercase / bp,
      duplicateNames: [...this.duplicates],
    };
  }
}

export async function summarizeFasta(path: string): Promise<FastaSummary> {
  const acc = new FastaSummaryAccumulator();
  for await (const r of readFasta(path)) acc.add(r);
  return acc.summary();
}

/** Throws when names must be unique for `purpose` (e.g. "bedGraph export") and are not. */
export function assertUniqueNames(summary: Pick<FastaSummary, 'duplicateNames'>, fileName: string, purpose: string): void {
  const d = summary.duplicateNames;
  if (d.length > 0) {
    const list = d.slice(0, 5).map((n) => `'${n}'`).join(', ') + (d.length > 5 ? ` and ${d.length - 5} more` : '');
    throw new AppError('BAD_FASTA', `${fileName}: duplicate sequence names ${list}; ${purpose} needs unique names to tell the results apart`);
  }
}
