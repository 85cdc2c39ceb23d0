// A run keeps its batch size: resumed by a service that was given none (the app's Resume, `plrp
// runs resume` without --batch-size), it stores the rest in batches of the size it started with,
// as an uninterrupted run would (the README: a kill loses at most one batch). A service given its
// own size (`runs resume --batch-size`) uses that one, and the run keeps it for later resumes.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import type { RunRequest } from '../../../src-main/shared/run-api';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

const t = tempDir();
afterAll(() => t.cleanup());
const cachePath = join(t.dir, 'cache.sqlite');

/** Runs (or resumes) `runId` on `svc`; returns the sizes of the batches it stored, cancelling after `cancelAfter` of them. */
async function storedBatches(svc: LocalRunService, begin: () => Promise<{ id: string }>, cancelAfter = Infinity): Promise<{ id: string; batches: number[] }> {
  const batches: number[] = [];
  let last: number | null = null;
  let runId = '';
  svc.on('progress', (p) => {
    // Every stored batch reports; reports in between (workers' progress) keep `done`.
    if (last !== null && p.done > last) batches.push(p.done - last);
    last = p.done;
    if (batches.length === cancelAfter) void svc.cancel(p.runId);
  });
  runId = (await begin()).id;
  await svc.whenSettled(runId);
  return { id: runId, batches };
}

describe('resuming a run', () => {
  const request = (fasta: string): RunRequest => ({
    model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, explanations: [{ id: 'ep', composite: 'epsilon-plus' }], metrics: [], scanMotifs: false,
  });

  it('stores the rest in batches of the size the run started with, unless the resuming service is given its own', async () => {
    const fasta = join(t.dir, 'many.fa');
    const total = 160;
    writeRandomFasta(fasta, total, 200);
    // Started with 16 per batch (`runs start --batch-size 16`), cancelled after the first stored batch.
    const first = new LocalRunService({ cachePath, threads: 1, batchSequences: 16 });
    const started = await storedBatches(first, () => first.start(request(fasta)), 1);
    await first.close();
    expect(started.batches[0]).toBe(16);
    const reader = new LocalRunService({ cachePath, threads: 1 });
    const cancelled = await reader.get(started.id);
    await reader.close();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.sequencesDone).toBeLessThan(total);

    // Resumed with 32 (`runs resume --batch-size 32`), cancelled again after one batch: that size is used.
    const given = new LocalRunService({ cachePath, threads: 1, batchSequences: 32 });
    const resumedWith32 = await storedBatches(given, () => given.resume(started.id), 1);
    expect(given.cache.getRun(started.id)!.request.batchSequences).toBe(32);
    await given.close();
    expect(resumedWith32.batches[0]).toBe(32);

    // Resumed by a service given no size (the app, `runs resume` alone): the run's last size, 32,
    // not the default for 160 sequences on one worker (all of them in one batch).
    const plain = new LocalRunService({ cachePath, threads: 1 });
    try {
      const rest = await storedBatches(plain, () => plain.resume(started.id));
      const done = await plain.get(started.id);
      expect(done).toMatchObject({ status: 'done', sequencesDone: total });
      expect(rest.batches.length).toBeGreaterThan(1);
      expect(rest.batches.every((n) => n <= 32)).toBe(true);
      expect(rest.batches.slice(0, -1).every((n) => n === 32)).toBe(true);
    } finally {
      await plain.close();
    }
  }, 120_000);
});
