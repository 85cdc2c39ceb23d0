// Where a sequence's positions go in the files a genome browser opens: a region cut out of an
// indexed FASTA lies on its chromosome from the region's start; any other sequence is a
// "chromosome" of its own from 0. `plrp explain --export`, `plrp runs export` and the app's run
// exports all place coordinates through here, so a region's bedGraph, hits and seqlets line up
// with the genome (and with each other) in IGV whichever command wrote them.

export interface GenomeSpot {
  chrom: string;
  /** Genome coordinate of the sequence's position 0. */
  offset: number;
}

export function genomeSpot(name: string, chrom?: string, offset?: number): GenomeSpot {
  return { chrom: chrom ?? name, offset: offset ?? 0 };
}

/** A feature found in sequence coordinates (a motif hit), moved onto the genome. */
export function inGenome<F extends { sequenceName: string; start: number; end: number }>(f: F, spot: GenomeSpot): F {
  return spot.offset === 0 && spot.chrom === f.sequenceName ? f : { ...f, sequenceName: spot.chrom, start: f.start + spot.offset, end: f.end + spot.offset };
}

/** Where a region lies, as columns of a sequence table (BED's 0-based, half-open chrom, start, end). */
export const REGION_COLUMNS = ['chrom', 'start', 'end'] as const;

export function regionColumns(spot: GenomeSpot, lengthBp: number): [string, number, number] {
  return [spot.chrom, spot.offset, spot.offset + lengthBp];
}
