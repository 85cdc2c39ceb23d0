// When the views of a running run (Run view, Dashboard) read it again by themselves. A running run
// stores its sequences a batch at a time; the progress events say how many are stored, so a view
// knows when it shows fewer than there are. Reading a run means fetching every sequence row
// (seconds for 100,000), so reads are spaced out while the run goes on; the run's end is read at
// once, for the final figures.
import type { RunProgress, RunStatus, RunSummary } from '../../../../src-main/shared/run-api';

/** Least time between two reads while the run is computing. */
export const LIVE_REFRESH_MS = 5000;
/** Least time between two reads even when the run has just ended: a floor against re-reading in a loop. */
const SETTLED_REFRESH_MS = 1000;

const ACTIVE: readonly RunStatus[] = ['queued', 'running'];

export interface LiveFreshness {
  /** The run as what the view shows was read: its status and stored sequences then. */
  shown: { status: RunStatus; sequencesDone: number };
  /**
   * What the app has heard of the run since: its status in the run list (null when not listed) and
   * the most sequences stored per progress events or the run list.
   */
  latest: { status: RunStatus | null; sequencesDone: number };
  /** Milliseconds since what the view shows was asked for. */
  sinceReadMs: number;
}

/**
 * Milliseconds until a view should read the run again (0: now), or null while what it shows is all
 * there is. A run that ended since it was read is read again as soon as the floor allows; one that
 * has stored more sequences, at most once every `minIntervalMs`.
 */
export function liveRefreshDelay(f: LiveFreshness, minIntervalMs = LIVE_REFRESH_MS): number | null {
  const ended = ACTIVE.includes(f.shown.status) && f.latest.status !== null && !ACTIVE.includes(f.latest.status);
  const wait = (interval: number) => Math.max(0, interval - f.sinceReadMs);
  if (ended) return wait(SETTLED_REFRESH_MS);
  if (f.latest.sequencesDone > f.shown.sequencesDone) return wait(minIntervalMs);
  return null;
}

/** Whether the figures shown still change by themselves, which the header says. */
export function isLive(status: RunStatus): boolean {
  return ACTIVE.includes(status);
}

/**
 * What the app has heard of a run since a view read it: its status in the run list (null when not
 * listed) and the most sequences stored, per the progress events (this window's runs) or the list
 * (a run another process computes, which the list re-reads).
 */
export function latestHeard(listed: Pick<RunSummary, 'status' | 'sequencesDone'> | undefined, progress: Pick<RunProgress, 'done'> | undefined): LiveFreshness['latest'] {
  return { status: listed?.status ?? null, sequencesDone: Math.max(progress?.done ?? 0, listed?.sequencesDone ?? 0) };
}
