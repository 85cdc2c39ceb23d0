// What New run shows once regions are given: how many regions of the FASTA a run would explain and
// how long they are, or why the run service would refuse them. The regions are resolved by the
// very function a run uses (engine/genomics/region.ts, which builds a missing .fai next to the
// FASTA), so an unknown chromosome or a region past a chromosome's end reads the same here as on
// Start; reading the index is cheap, and no base is read. Region names that repeat and regions too
// long to explain in one piece are refused by the run only after it has read every base
// (services/ingest-fasta.ts): said here first, from the regions' coordinates alone.
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { MAX_DISTINCT_LENGTHS, type RegionsSummary } from '../../shared/studio-types';
import { locus, regionListFrom, resolveRegions } from '../../engine/genomics/region';
import { MAX_RECORD_BP, recordTooLong } from '../../engine/genomics/record-limit';

const FIRST_NAMES = 5;

export async function summarizeRegions(fastaPath: string, strings: readonly string[], bedPath: string | null, maxRecordBp = MAX_RECORD_BP): Promise<RegionsSummary> {
  const { regions } = await resolveRegions(fastaPath, await regionListFrom(strings.map((s) => s.trim()), bedPath));
  if (regions.length === 0) throw new AppError('BAD_BED', `no regions to explain: ${bedPath ? basename(bedPath) : 'none were given'} lists none`);
  const names = new Set<string>();
  const lengths = new Map<number, number>();
  let totalBp = 0;
  for (const r of regions) {
    const lengthBp = r.end - r.start;
    const tooLong = recordTooLong(r.name, lengthBp, `region ${locus(r)}`, maxRecordBp);
    if (tooLong) throw new AppError('RESOURCE_LIMIT', tooLong);
    if (names.has(r.name)) {
      throw new AppError('BAD_BED', `two regions are named "${r.name}": a run's sequences are looked up by name; give every region its own name in the BED file's 4th column, or leave that column out to name them chr:start-end`);
    }
    names.add(r.name);
    lengths.set(lengthBp, (lengths.get(lengthBp) ?? 0) + 1);
    totalBp += lengthBp;
  }
  const sorted = [...lengths.keys()].sort((a, b) => a - b);
  return {
    regions: regions.length,
    minLengthBp: sorted[0],
    maxLengthBp: sorted[sorted.length - 1],
    totalBp,
    lengthCounts: lengths.size > MAX_DISTINCT_LENGTHS ? null : sorted.map((n) => [n, lengths.get(n)!]),
    firstNames: regions.slice(0, FIRST_NAMES).map((r) => r.name),
  };
}
