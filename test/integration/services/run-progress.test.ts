// Progress while a batch computes: a run of one large batch (bundled JASPAR scan, seqlets) must move
// its progress before the batch is stored, never backwards, and end at every sequence stored. The
// ETA inside a batch is given once the worker has timed its phases (a second run on warm workers).
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
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1, batchSequences: SEQUENCES, progressIntervalMs: 20, ownerRenewMs: 20 });
});
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

/** Progress events of one single-batch run of fresh random sequences. */
async function oneBatchRun(seed: number): Promise<RunProgress[]> {
  const fasta = join(t.dir, `one-batch-${seed}.fa`);
  writeRandomFasta(fasta, SEQUENCES, 200, seed);
  const events: RunProgress[] = [];
  const off = svc.on('progress', (p) => events.push(p));
  const run = await svc.start({
    model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta },
    explanations: [{ id: 'ep', composite: 'epsilon-plus' }, { id: 'plrp', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }],
  });
  expect((await svc.whenSettled(run.id)).status).toBe('done');
  off();
  return events;
}

/** Readings taken while the batch computed: nothing stored yet, part of it done. */
const duringBatch = (events: RunProgress[]): RunProgress[] => events.filter((p) => p.done === 0 && p.inFlight > 0 && p.inFlight < SEQUENCES);

describe('run progress inside a batch', () => {
  it('reports the computed part of the batch in flight, monotonically, before it is stored', async () => {
    const events = await oneBatchRun(11);
    // Several readings while the one batch computed (the motif scan alone takes most of a second).
    const during = duringBatch(events);
    expect(during.length).toBeGreaterThanOrEqual(3);
    // A fresh worker has not timed its phases yet: its fraction moves the bar but makes no ETA.
    for (const p of during) expect(p.etaMs).toBeNull();
    const worked = events.map((p) => p.done + p.inFlight);
    for (let i = 1; i < worked.length; i++) expect(worked[i]).toBeGreaterThanOrEqual(worked[i - 1]);
    expect(events.at(-1)).toMatchObject({ done: SEQUENCES, total: SEQUENCES, inFlight: 0, etaMs: 0 });
  }, 120_000);

  it('renews its claim on the run while the batch computes, and drops it when the run settles', async () => {
    const fasta = join(t.dir, 'claim.fa');
    writeRandomFasta(fasta, SEQUENCES, 200, 7);
    const run = await svc.start({ model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, explanations: [{ id: 'ep', composite: 'epsilon-plus' }] });
    const claimed = svc.cache.getRun(run.id)!;
    expect(claimed.ownerPid).toBe(process.pid);
    // Other processes take a claim not renewed for OWNER_STALE_MS as the mark of an ended owner
    // (a batch of 400 sequences with the JASPAR scan computes for several renewals).
    await expect.poll(() => svc.cache.getRun(run.id)!.ownerSeenAt! > claimed.ownerSeenAt!, { interval: 25, timeout: 5000 }).toBe(true);
    expect((await svc.whenSettled(run.id)).status).toBe('done');
    expect(svc.cache.getRun(run.id)!.ownerPid).toBeNull();
  });

  it('gives an ETA inside the first batch once the worker has timed its phases', async () => {
    const during = duringBatch(await oneBatchRun(12));
    expect(during.length).toBeGreaterThanOrEqual(3);
    for (const p of during) expect(p.etaMs).toBeGreaterThan(0);
  }, 120_000);
});
