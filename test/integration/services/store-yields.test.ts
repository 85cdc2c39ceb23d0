// Issue 5: a lab's FASTA runs "without freezing". The main thread stores every batch, so a large
// batch is stored in transactions of whole sequences, with the event loop running between them
// (IPC, HTTP, progress and Cancel wait for one chunk, not the whole batch), and every result still
// arrives.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORE_CHUNK_ROWS } from '../../../src-main/services/run-job';
import type { BatchWrite } from '../../../src-main/services/cache/cache-types';
import { MODEL, serviceInTempDir, writeRandomFasta } from './service-fixtures';

const env = serviceInTempDir();
const COUNT = 600;

describe('storing a batch', () => {
  it('takes several transactions with the event loop running between them, and keeps every result', async () => {
    const fasta = join(env.dir, 'many.fa');
    writeRandomFasta(fasta, COUNT, 200, 5);
    let ticks = 0;
    let ticking = true;
    const tick = (): void => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    /** The ticks seen by each write that adds results. */
    const writes: number[] = [];
    const cache = env.svc.cache;
    const writeBatch = cache.writeBatch.bind(cache);
    cache.writeBatch = (b: BatchWrite) => {
      if (b.results.length > 0) writes.push(ticks);
      writeBatch(b);
    };
    try {
      const run = await env.svc.start({
        model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, metrics: [], scanMotifs: false,
        explanations: [{ id: 'ep', composite: 'epsilon-plus' }],
      });
      expect(await env.svc.whenSettled(run.id)).toMatchObject({ status: 'done', sequencesDone: COUNT });
      const rows = (await env.svc.sequences({ runId: run.id, offset: 0, limit: COUNT })).rows;
      expect(rows.filter((r) => r.explanations.ep !== undefined)).toHaveLength(COUNT);
    } finally {
      ticking = false;
      cache.writeBatch = writeBatch;
    }
    // One batch of 600 sequences (one worker), a sequence and its result two rows each.
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBe(Math.ceil(COUNT / (STORE_CHUNK_ROWS / 2)));
    for (let i = 1; i < writes.length; i++) expect(writes[i]).toBeGreaterThan(writes[i - 1]);
  });
});
