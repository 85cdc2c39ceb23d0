// What the New-run screen shows after a FASTA is picked: counts, lengths, ambiguous bases, and
// warnings worth knowing before a run (lengths that differ from what the model takes). Streams the
// file, so a large FASTA is summarised in bounded memory.
import { readFasta } from '../../engine/genomics/fasta';
import { MAX_DISTINCT_LENGTHS, type FastaSummary } from '../../shared/studio-types';
import { MAX_RECORD_BP } from '../../engine/genomics/record-limit';
import { DEFAULT_MAX_UNKNOWN_FRACTION, unknownLettersWarning } from '../../engine/explain/sequence-warnings';

const FIRST_NAMES = 5;
/** Mostly-N records named one by one; past these, a count (a genome's scaffolds can be thousands). */
const FIRST_UNKNOWN_WARNINGS = 5;
/** Longest records kept by name (FastaSummary.longestRecords). */
const LONGEST_RECORDS = 5;

export async function summarizeFasta(path: string, name: string, modelLengthBp?: number, maxDistinctLengths = MAX_DISTINCT_LENGTHS): Promise<FastaSummary> {
  let sequences = 0;
  let minLengthBp = Infinity;
  let maxLengthBp = 0;
  let totalBp = 0;
  let ambiguousBp = 0;
  const firstNames: string[] = [];
  let longest = '';
  const unknownWarnings: string[] = [];
  let moreUnknown = 0;
  const longestRecords: FastaSummary['longestRecords'] = [];
  // Null once there are too many distinct lengths to be worth sending.
  let lengthCounts: Map<number, number> | null = new Map();
  for await (const rec of readFasta(path)) {
    if (rec.sequence.length > maxLengthBp) longest = rec.name;
    sequences++;
    const n = rec.sequence.length;
    minLengthBp = Math.min(minLengthBp, n);
    maxLengthBp = Math.max(maxLengthBp, n);
    totalBp += n;
    if (lengthCounts) {
      lengthCounts.set(n, (lengthCounts.get(n) ?? 0) + 1);
      if (lengthCounts.size > maxDistinctLengths) lengthCounts = null;
    }
    ambiguousBp += rec.unknownCount;
    const mostlyUnknown = unknownLettersWarning(rec.name, rec.unknownCount, n);
    if (mostlyUnknown && unknownWarnings.length < FIRST_UNKNOWN_WARNINGS) unknownWarnings.push(mostlyUnknown);
    else if (mostlyUnknown) moreUnknown++;
    if (firstNames.length < FIRST_NAMES) firstNames.push(rec.name);
    if (longestRecords.length < LONGEST_RECORDS || n > longestRecords[longestRecords.length - 1].lengthBp) {
      // After the last record at least as long: equals stay in file order.
      const at = longestRecords.findIndex((r) => r.lengthBp < n);
      longestRecords.splice(at === -1 ? longestRecords.length : at, 0, { name: rec.name, lengthBp: n });
      if (longestRecords.length > LONGEST_RECORDS) longestRecords.pop();
    }
  }
  const warnings: string[] = [];
  if (sequences === 0) warnings.push('the file holds no sequences');
  if (modelLengthBp && modelLengthBp > 0 && sequences > 0 && (minLengthBp !== modelLengthBp || maxLengthBp !== modelLengthBp)) {
    warnings.push(`the model takes ${modelLengthBp} bp; sequences here are ${minLengthBp}–${maxLengthBp} bp`);
  }
  const longRecordWarning = maxLengthBp > MAX_RECORD_BP
    ? `'${longest}' is ${maxLengthBp.toLocaleString('en-US')} bp, over the ${MAX_RECORD_BP.toLocaleString('en-US')} bp a run explains in one piece, so a run of the records will refuse it: cut such records into regions first (Regions, below)`
    : null;
  if (moreUnknown > 0) {
    unknownWarnings.push(`and ${moreUnknown.toLocaleString('en-US')} more sequence${moreUnknown === 1 ? '' : 's'} over ${(100 * DEFAULT_MAX_UNKNOWN_FRACTION).toFixed(0)} % N/ambiguous letters`);
  }
  if (totalBp > 0 && ambiguousBp / totalBp > 0.1) warnings.push(`${((100 * ambiguousBp) / totalBp).toFixed(1)}% of bases are N or ambiguous`);
  return {
    name, sequences, minLengthBp: sequences ? minLengthBp : 0, maxLengthBp, totalBp, ambiguousBp,
    lengthCounts: lengthCounts ? [...lengthCounts].sort(([a], [b]) => a - b) : null,
    firstNames, warnings, longRecordWarning, unknownWarnings, longestRecords,
  };
}
