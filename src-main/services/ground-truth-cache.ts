// Parsed ground-truth BEDs, kept for the few files in use. A run reads its BED for the cache
// identity of its results (RunService.start), for the masks its workers score (each launch), and
// for the regions the Run view draws (runs:groundTruth, on every sequence it opens): parsing a
// genome-wide BED (hundreds of thousands of lines) each time made every one of those slow. A file
// is known by its absolute path, size and modification time, so an edited BED is parsed again;
// the last few files are kept, which covers the runs one person looks at at once.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseGroundTruthBed, type GroundTruth } from '../engine/metrics/ground-truth-mask';
import { matchOutputs, type OutputMatch } from '../engine/metrics/ground-truth-outputs';

/** Files kept parsed; the least recently read goes first. */
export const GROUND_TRUTH_FILES_KEPT = 4;

interface Parsed {
  /** Size and modification time when parsed: another means the file changed. */
  stamp: string;
  /** Shared by every reader: never modified after parsing. */
  gt: GroundTruth;
  /** How the BED's names match a model's outputs, per list of output names (cheap to keep, a pass over the BED to make). */
  matches: Map<string, OutputMatch | null>;
}

const kept = new Map<string, Parsed>();

/** The BED at `bedPath` parsed (once per version of the file), and how it matches `labels`. */
export function parsedGroundTruth(bedPath: string, labels: readonly string[] | null): { gt: GroundTruth; match: OutputMatch | null } {
  const path = resolve(bedPath);
  const stat = statSync(path);
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  let entry = kept.get(path);
  if (entry?.stamp !== stamp) entry = { stamp, gt: parseGroundTruthBed(readFileSync(path, 'utf8'), bedPath), matches: new Map() };
  // Most recently read last: Map keeps insertion order.
  kept.delete(path);
  kept.set(path, entry);
  while (kept.size > GROUND_TRUTH_FILES_KEPT) kept.delete(kept.keys().next().value!);
  const labelsKey = JSON.stringify(labels);
  if (!entry.matches.has(labelsKey)) entry.matches.set(labelsKey, matchOutputs(entry.gt, labels));
  return { gt: entry.gt, match: entry.matches.get(labelsKey)! };
}
