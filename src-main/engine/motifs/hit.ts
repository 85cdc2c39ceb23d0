// A motif occurrence as the scanner reports it and every later stage (relevance weighting,
// seqlet annotation, BED/TSV export) consumes it. Coordinates are 0-based half-open; the FIMO TSV
// writer converts to FIMO's 1-based inclusive.
export interface MotifHit {
  /** Index of the motif in the scanned list (stable key for grouping). */
  motifIndex: number;
  motifId: string;
  motifAltId: string;
  sequenceIndex: number;
  sequenceName: string;
  start: number;
  end: number;
  strand: '+' | '-';
  /** Log-odds score in bits (FIMO's `score`). */
  score: number;
  pValue: number;
  /** Benjamini–Hochberg q-value over every scanned window of every motif. */
  qValue: number;
  /** The site read on the hit's strand (reverse-complemented for '-'), as FIMO prints it. */
  matchedSequence: string;
}
