// Which process a run belongs to, when the app and `plrp serve` share one cache.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assertNotOwnedElsewhere, orphaned, OWNER_STALE_MS, ownerElsewhere, processAlive } from '../../../src-main/services/run-owner';
import { storedRun } from './cache/temp-cache';

const now = Date.now();
/** A pid that surely belongs to no process: a child that has exited and been reaped. */
const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
/** A live process that is not this one. */
const livePid = process.ppid;

describe('run ownership', () => {
  it('knows live processes from ended ones', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(livePid)).toBe(true);
    expect(processAlive(deadPid)).toBe(false);
  });

  it('leaves a run to another live owner that renews its claim', () => {
    const run = storedRun('r', 1, { status: 'running', ownerPid: livePid, ownerSeenAt: now - 1000 });
    expect(ownerElsewhere(run, now)).toBe(livePid);
    expect(orphaned(run, true, now)).toBe(false);
    expect(orphaned(run, false, now)).toBe(false);
    expect(() => assertNotOwnedElsewhere(run, 'resume')).toThrow(`another PLRP Studio process (pid ${livePid}) is computing it`);
  });

  it('takes a run as orphaned when its owner ended, or went silent (its pid may now be someone else\'s)', () => {
    for (const run of [
      storedRun('dead', 1, { status: 'running', ownerPid: deadPid, ownerSeenAt: now }),
      storedRun('silent', 1, { status: 'queued', ownerPid: livePid, ownerSeenAt: now - OWNER_STALE_MS }),
    ]) {
      expect(ownerElsewhere(run, now)).toBeNull();
      expect(orphaned(run, false, now)).toBe(true);
      expect(() => assertNotOwnedElsewhere(run, 'delete')).not.toThrow();
    }
  });

  it('leaves runs without a recorded owner, and its own, to the process that owns the cache', () => {
    for (const ownerPid of [null, process.pid]) {
      const run = storedRun('r', 1, { status: 'running', ownerPid, ownerSeenAt: ownerPid === null ? null : now });
      expect(orphaned(run, true, now)).toBe(true);
      expect(orphaned(run, false, now)).toBe(false);
    }
  });

  it('claims nothing for settled runs', () => {
    for (const status of ['done', 'failed', 'cancelled'] as const) {
      const run = storedRun('r', 1, { status, ownerPid: livePid, ownerSeenAt: now });
      expect(ownerElsewhere(run, now)).toBeNull();
      expect(orphaned(run, true, now)).toBe(false);
    }
  });
});
