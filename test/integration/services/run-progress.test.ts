// Progress while a batch computes: a run of one large batch (bundled JASPAR scan, seqlets) must move
// its progress before the batch is stored, never backwards, and end at every sequence stored.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import type { RunProgress } from '../../../src-main/shared/run-api';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

const SEQUENCES = 400;

let t: ReturnType<typeof tempDir>;
let svc: LocalRunService;
beforeAll(() => {
  t = tempDir();
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1, batchSequences: SEQUENCES, progressIntervalMs: 20 });
});
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

describe('run progress inside a batch', () => {
  it('reports the computed part of the batch in flight, monotonically, before it is stored', async () => {
    const fasta = join(t.dir, 'one-batch.fa');
    writeRandomFasta(fasta, SEQUENCES, 200, 11);
    const events: RunProgress[] = [];
    const off = svc.on('progress', (p) => events.push(p));
    const run = await svc.start({
      model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta },
      explanations: [{ id: 'ep', composite: 'epsilon-plus' }, { id: 'plrp', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }],
    });
    expect((await svc.whenSettled(run.id)).status).toBe('done');
    off();
    // Several readings while the one batch computed (the motif scan alone takes most of a second).
    const during = events.filter((p) => p.done === 0 && p.inFlight > 0 && p.inFlight < SEQUENCES);
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(during.some((p) => p.etaMs !== null && p.etaMs > 0)).toBe(true);
    const worked = events.map((p) => p.done + p.inFlight);
    for (let i = 1; i < worked.length; i++) expect(worked[i]).toBeGreaterThanOrEqual(worked[i - 1]);
    expect(events.at(-1)).toMatchObject({ done: SEQUENCES, total: SEQUENCES, inFlight: 0, etaMs: 0 });
  }, 120_000);
});
