// `--region chr:start-end` (repeatable) and `--regions R.bed`: windows cut out of a large FASTA
// through its .fai index (built next to the FASTA when missing, as samtools faidx does).
import { readBed } from '../../engine/genomics/bed-reader';
import { readRegions } from '../../engine/genomics/region';
import type { SourceRecord } from './fasta-job';

export async function regionRecords(fastaPath: string, regionStrings: string[], regionsBed: string | undefined): Promise<SourceRecord[]> {
  const bed = regionsBed ? { intervals: await readBed(regionsBed), fileName: regionsBed } : undefined;
  const regions = await readRegions(fastaPath, { strings: regionStrings, bed });
  return regions.map((r, index) => ({
    index, name: r.name, description: `${r.chrom}:${r.start + 1}-${r.end}`, sequence: r.sequence.toUpperCase(),
    headerLine: 0, chrom: r.chrom, offsetBp: r.start,
  }));
}

export async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
