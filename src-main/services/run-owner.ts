// Which process a run belongs to. The app and `plrp serve` may share one run cache (WAL works for
// processes on one machine), and each marks the runs that a dead process left 'running' as
// interrupted when it opens the cache. A run of a process that is still alive is that process's:
// another one must not mark it interrupted, resume it a second time, cancel it or delete it.
import { AppError } from '../shared/errors';
import type { StoredRun } from './cache/cache-types';

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of another live process that queued or computes this run; null if none. */
export function ownerElsewhere(run: StoredRun): number | null {
  if (run.status !== 'running' && run.status !== 'queued') return null;
  const pid = run.ownerPid;
  return pid !== null && pid !== process.pid && processAlive(pid) ? pid : null;
}

/**
 * Whether a run left 'running' or 'queued' has nobody computing it any more: its owner died. The
 * process that owns the cache (the app, `plrp serve`) also takes runs stored without an owner
 * (before schema 10) and runs under its own pid (a dead predecessor's, reused); any other process
 * (the CLI's `runs list`) knows only a dead owner for certain.
 */
export function orphaned(run: StoredRun, cacheOwner: boolean): boolean {
  if (run.status !== 'running' && run.status !== 'queued') return false;
  if (cacheOwner) return ownerElsewhere(run) === null;
  return run.ownerPid !== null && run.ownerPid !== process.pid && !processAlive(run.ownerPid);
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
