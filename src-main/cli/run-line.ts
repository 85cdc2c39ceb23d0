// One run as a line of `plrp runs list` (and the head of `runs show`): tab-separated, the label
// last, since it is free text and may be empty.
import type { RunSummary } from '../shared/run-api';
import { orderedExplanations } from '../shared/explanation-order';

/** A time as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function runTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export function runLine(r: RunSummary): string {
  // In the one order every list of a run's explanations uses (LRP, then each PLRP method by p).
  const methods = orderedExplanations(r.explanations).map((e) => e.id).join(',');
  const status = r.computedElsewhereBy === null ? r.status : `${r.status} (pid ${r.computedElsewhereBy})`;
  return [r.id, status, runTime(r.timings.createdAt), r.modelName, inputOf(r), `${r.sequencesDone}/${r.sequenceCount}`, methods, r.label ?? ''].join('\t');
}

/** The FASTA, and for a region run which regions of it: `genome.fa (regions chr1:101-600, peaks.bed)`. */
export function inputOf(r: Pick<RunSummary, 'fastaName' | 'regions'>): string {
  if (!r.regions) return r.fastaName;
  const { strings, bedName } = r.regions;
  const more = strings.length > SHOWN_REGIONS ? [`${strings.length - SHOWN_REGIONS} more`] : [];
  return `${r.fastaName} (regions ${[...strings.slice(0, SHOWN_REGIONS), ...more, ...(bedName ? [bedName] : [])].join(', ')})`;
}

/** Region strings named in a run's line; the rest are counted (`runs show` lists them all). */
const SHOWN_REGIONS = 3;
