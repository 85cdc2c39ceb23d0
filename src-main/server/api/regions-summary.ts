// What New run shows once regions are given: how many regions of the FASTA a run would explain and
// how long they are, or why the run service would refuse them. The regions are checked by the very
// function a run uses (engine/genomics/region.ts, which builds a missing .fai next to the FASTA),
// so an unknown chromosome, a region past a chromosome's end, a region too long, a name or a region
// given twice reads the same here as on Start; reading the index is cheap, and no base is read. Every
// problem is said at once (the first few, then how many more), one per line of the error.
import { AppError } from '../../shared/errors';
import { MAX_DISTINCT_LENGTHS, type RegionsSummary } from '../../shared/studio-types';
import { checkRegions, regionListFrom } from '../../engine/genomics/region';
import { MAX_RECORD_BP } from '../../engine/genomics/record-limit';
import { countOf } from '../../shared/count-of';

const FIRST_NAMES = 5;
/** Problems listed one by one; the rest are counted. */
export const FIRST_PROBLEMS = 5;

/** `names`: how the app names the files, for messages (a BED problem starts with the BED's name and line). */
export async function summarizeRegions(fastaPath: string, strings: readonly string[], bedPath: string | null, maxRecordBp = MAX_RECORD_BP,
  names: { fasta?: string; bed?: string } = {}): Promise<RegionsSummary> {
  const list = await regionListFrom(strings.map((s) => s.trim()), bedPath, (text) => `typed region ${text}`);
  if (list.bed && names.bed) list.bed = { ...list.bed, fileName: names.bed };
  const { resolved, problems } = await checkRegions(fastaPath, list, maxRecordBp, names.fasta);
  const messages = problems.map((p) => p.message);
  if (messages.length > 0) throw new AppError(problems[0].code, listed(messages));
  const { regions } = resolved;
  const lengths = new Map<number, number>();
  let totalBp = 0;
  for (const r of regions) {
    const lengthBp = r.end - r.start;
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

/** The first few problems, one per line, then how many more. */
function listed(messages: readonly string[]): string {
  const more = messages.length - FIRST_PROBLEMS;
  return [...messages.slice(0, FIRST_PROBLEMS), ...(more > 0 ? [`… and ${countOf(more, 'more problem')}`] : [])].join('\n');
}
