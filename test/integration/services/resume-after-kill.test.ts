import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import type { RunProgress } from '../../../src-main/shared/run-api';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

const CHILD = fileURLToPath(new URL('./child/run-until-killed.ts', import.meta.url));
const t = tempDir();
afterAll(() => t.cleanup());

describe('crash safety', () => {
  it('keeps every committed batch when the process is SIGKILLed mid-run, leaves the live run to its process, and resumes it once that died', async () => {
    const cachePath = join(t.dir, 'cache.sqlite');
    const fasta = join(t.dir, 'many.fa');
    writeRandomFasta(fasta, 1200, 200);
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, cachePath, MODEL, fasta], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    let seen: RunProgress | null = null;
    for await (const line of createInterface({ input: child.stdout })) {
      const p = JSON.parse(line) as RunProgress;
      if (p.done >= 128) {
        seen = p;
        // Paused, not ended: alive for the checks below, and it cannot finish the run meanwhile.
        child.kill('SIGSTOP');
        break;
      }
    }
    // While the child lives, its run is its own: a second process (the app beside `plrp serve`)
    // that opens the cache neither marks it interrupted nor resumes, cancels, deletes or prunes it.
    const beside = new LocalRunService({ cachePath, threads: 1, recoverInterrupted: true });
    try {
      const [live] = await beside.list();
      expect(live).toMatchObject({ id: seen!.runId, status: 'running', error: null, computedElsewhereBy: child.pid });
      for (const action of ['resume', 'cancel', 'delete'] as const) {
        await expect(beside[action](live.id)).rejects.toMatchObject({ code: 'RUN_BUSY', message: expect.stringContaining(`${action} run`) });
      }
      await expect(beside.cancel(live.id)).rejects.toThrow(`another PLRP Studio process (pid ${child.pid}) is computing it`);
      expect((await beside.pruneCache({ keepRuns: 0 })).removedRuns).toEqual([]);
    } finally {
      await beside.close();
    }
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    expect(seen).not.toBeNull();

    // Its owner is dead: any process that opens the cache (here one like the CLI's, which does not
    // own the cache) marks the run interrupted, and can resume it.
    const svc = new LocalRunService({ cachePath, threads: 1 });
    try {
      const [run] = await svc.list();
      expect(run).toMatchObject({ id: seen!.runId, status: 'cancelled', error: { code: 'CANCELLED' }, computedElsewhereBy: null });
      expect(run.error?.message).toMatch(/interrupted/);
      // Progress is reported after its batch committed: nothing reported is lost, and at most the
      // batches in flight when the process died are missing.
      expect(run.sequencesDone).toBeGreaterThanOrEqual(seen!.done);
      expect(run.sequencesDone).toBeLessThan(1200);
      const firstProgress: RunProgress[] = [];
      svc.on('progress', (p) => firstProgress.push(p));
      await svc.resume(run.id);
      const done = await svc.whenSettled(run.id);
      expect(done).toMatchObject({ status: 'done', sequencesDone: 1200, error: null });
      expect(firstProgress[0].done).toBe(run.sequencesDone);
      const page = await svc.sequences({ runId: run.id, offset: 1190, limit: 10 });
      expect(page.rows.every((r) => r.explanations.ep !== undefined)).toBe(true);
    } finally {
      await svc.close();
    }
  }, 180_000);
});
