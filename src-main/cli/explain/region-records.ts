// `--region chr:start-end` (repeatable) and `--regions R.bed`: windows cut out of a large FASTA
// through its .fai index (built next to the FASTA when missing, as samtools faidx does).
import type { Command } from 'commander';
import { locus, regionListFrom, regionSequences, resolveRegions } from '../../engine/genomics/region';
import type { SourceRecord } from './fasta-job';

/** `--region` (repeatable) and `--regions`, as `plrp explain` and `plrp runs start` take them. */
export interface RegionFlags {
  region: string[];
  regions?: string;
}

export function withRegionOptions(command: Command): Command {
  return command
    .option('--region <chr:start-end>', 'explain this region of an indexed FASTA (repeatable; 1-based, inclusive)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--regions <R.bed>', 'explain the regions of a BED file (0-based, half-open) from an indexed FASTA');
}

/**
 * The regions as records to explain, checked as `plrp runs start` checks them (none, too long, a
 * name twice: the same messages) before any base is read; `notes` say e.g. that a stale .fai was rebuilt.
 */
export async function regionRecords(fastaPath: string, regionStrings: string[], regionsBed: string | undefined): Promise<{ records: SourceRecord[]; notes: string[] }> {
  const resolved = await resolveRegions(fastaPath, await regionListFrom(regionStrings, regionsBed));
  const records: SourceRecord[] = [];
  for await (const r of regionSequences(resolved)) {
    records.push({ index: records.length, name: r.name, description: locus(r), sequence: r.sequence, headerLine: 0, chrom: r.chrom, offsetBp: r.start, origin: r.origin });
  }
  return { records, notes: resolved.notes };
}

export async function* iterate<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
