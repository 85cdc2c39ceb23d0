// A run named on the command line by its id or, as git names commits, by a unique prefix of it
// (at least MIN_RUN_ID_PREFIX characters): `plrp runs show 3f2a`.
import { AppError } from '../shared/errors';
import type { RunCache } from './cache/run-cache';

export const MIN_RUN_ID_PREFIX = 4;

/** Matches listed in the error for an ambiguous prefix. */
const LISTED_MATCHES = 10;

/** The one run id among `matches` (the ids that start with `given`), or a USAGE error that says why not. */
export function pickRunId(given: string, matches: readonly string[]): string {
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    const short = given.length < MIN_RUN_ID_PREFIX ? ` (a prefix of a run id needs at least ${MIN_RUN_ID_PREFIX} characters)` : '';
    throw new AppError('USAGE', `no run with id ${given}${short}; plrp runs list shows the ids`);
  }
  const more = matches.length > LISTED_MATCHES ? `\n  … ${matches.length - LISTED_MATCHES} more` : '';
  throw new AppError('USAGE', `run id prefix ${given} is ambiguous: it matches ${matches.length} runs:\n  ${matches.slice(0, LISTED_MATCHES).join('\n  ')}${more}\ngive more characters`);
}

export function resolveRunId(cache: RunCache, given: string): string {
  const id = given.trim().toLowerCase();
  if (cache.getRun(id)) return id;
  return pickRunId(id, id.length < MIN_RUN_ID_PREFIX ? [] : cache.runIdsWithPrefix(id));
}
