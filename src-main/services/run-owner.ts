// Which process a run belongs to. The app and `plrp serve` may share one run cache (WAL works for
// processes on one machine), and each marks the runs that a dead process left 'running' as
// interrupted when it opens the cache. A run of a process that is still alive is that process's:
// another one must not mark it interrupted, resume it a second time, cancel it or delete it.
import { AppError } from '../shared/errors';
import type { StoredRun } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How often an owner renews owner_seen_at of the runs it computes. */
export const OWNER_RENEW_MS = 30_000;
/**
 * An owner not heard from for this long has ended, even if a process with its pid lives: the
 * system may have given the pid of a crashed owner to an unrelated process, and the run must not
 * stay locked by it. Ten missed renewals, so a busy owner is not taken for a dead one.
 */
export const OWNER_STALE_MS = 10 * OWNER_RENEW_MS;

/** The pid of another live process that queued or computes this run; null if none. */
export function ownerElsewhere(run: StoredRun, now = Date.now()): number | null {
  if (run.status !== 'running' && run.status !== 'queued') return null;
  const pid = run.ownerPid;
  if (pid === null || pid === process.pid || !processAlive(pid)) return null;
  return run.ownerSeenAt !== null && now - run.ownerSeenAt < OWNER_STALE_MS ? pid : null;
}

/**
 * Whether a run left 'running' or 'queued' has nobody computing it any more: its owner died, or
 * has not renewed its claim for OWNER_STALE_MS. The process that owns the cache (the app, `plrp
 * serve`) also takes runs stored without an owner (before schema 10) and runs under its own pid (a
 * dead predecessor's, reused); any other process (the CLI's `runs list`) takes only those whose
 * recorded owner has ended.
 */
export function orphaned(run: StoredRun, cacheOwner: boolean, now = Date.now()): boolean {
  if (run.status !== 'running' && run.status !== 'queued') return false;
  if (cacheOwner) return ownerElsewhere(run, now) === null;
  return run.ownerPid !== null && run.ownerPid !== process.pid && ownerElsewhere(run, now) === null;
}

/** Marks the runs nobody computes any more (see orphaned) as interrupted, so they can be resumed. */
export function markOrphanedRunsInterrupted(cache: RunCache, cacheOwner: boolean): void {
  for (const run of cache.listRuns()) {
    if (!orphaned(run, cacheOwner)) continue;
    cache.updateRun(run.id, { status: 'cancelled', error: { code: 'CANCELLED', message: 'interrupted: the process ended during the run; resume it to finish' }, ownerPid: null });
  }
}

/** Refuses `action` on a run that another live process computes, saying which and what to do. */
export function assertNotOwnedElsewhere(run: StoredRun, action: 'resume' | 'cancel' | 'delete'): void {
  const pid = ownerElsewhere(run);
  if (pid === null) return;
  const name = run.label ?? run.id;
  throw new AppError('RUN_BUSY', `Cannot ${action} run "${name}": another PLRP Studio process (pid ${pid}) is computing it. ${action === 'resume'
    ? 'It is still running there.'
    : `Use that process (the app window or \`plrp serve\` that started it) to ${action} it, or ${action} it here once that process has ended.`}`);
}

/**
 * Renews this process's claims on the runs it computes, every `everyMs`, so that other processes
 * know it still computes them. A claim can lapse while this process cannot renew it (a laptop
 * asleep): another process then marks the run interrupted, which the next renewal undoes, or
 * resumes it, and then `onLost` stops it here, so that the run is not computed twice.
 */
export class RunClaims {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly cache: RunCache,
    private readonly active: () => Iterable<string>,
    private readonly everyMs = OWNER_RENEW_MS,
    private readonly onLost: (runId: string) => void,
  ) {}

  /** Starts renewing (a no-op once started); the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      const now = Date.now();
      for (const runId of [...this.active()]) if (!this.cache.renewClaim(runId, process.pid, now)) this.onLost(runId);
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
