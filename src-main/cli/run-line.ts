// One run as a line of `plrp runs list` (and the head of `runs show`): tab-separated, the label
// last, since it is free text and may be empty.
import type { RunSummary } from '../shared/run-api';

/** A time as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function runTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

export function runLine(r: RunSummary): string {
  const methods = r.explanations.map((e) => e.id).join(',');
  const status = r.computedElsewhereBy === null ? r.status : `${r.status} (pid ${r.computedElsewhereBy})`;
  return [r.id, status, runTime(r.timings.createdAt), r.modelName, r.fastaName, `${r.sequencesDone}/${r.sequenceCount}`, methods, r.label ?? ''].join('\t');
}
