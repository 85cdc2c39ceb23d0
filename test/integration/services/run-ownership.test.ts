// A run's owner keeps its claim while it computes (services/run-owner.ts). If the claim lapsed
// (the owner could not renew it, e.g. a laptop asleep) and another process opened the cache
// meanwhile, the owner undoes that process's "interrupted" mark, or, if that process resumed the
// run, stops computing it and leaves it to them. Here the other process's writes are made in SQL.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import type { RunNotice } from '../../../src-main/shared/run-api';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

// One batch that scans the bundled JASPAR motifs: seconds of work, for many 20-ms renewals.
const SEQUENCES = 1200;

let t: ReturnType<typeof tempDir>;
let svc: LocalRunService;
beforeAll(() => {
  t = tempDir();
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1, batchSequences: SEQUENCES, ownerRenewMs: 20 });
});
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

describe('a lapsed claim on a running run', () => {
  it('is taken back from an interrupted mark, and given up to a process that resumed the run', async () => {
    const fasta = join(t.dir, 'many.fa');
    writeRandomFasta(fasta, SEQUENCES, 200, 11);
    const notices: RunNotice[] = [];
    svc.on('notice', (n) => notices.push(n));
    const run = await svc.start({ model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, explanations: [{ id: 'ep', composite: 'epsilon-plus' }] });
    const db = svc.cache.db;
    const row = () => db.prepare('SELECT status, owner_pid AS ownerPid, error_json AS error FROM runs WHERE id = ?').get(run.id) as { status: string; ownerPid: number | null; error: string | null };

    // Another process found the claim stale and marked the run interrupted.
    db.prepare(`UPDATE runs SET status = 'cancelled', owner_pid = NULL, error_json = '{"code":"CANCELLED","message":"interrupted"}' WHERE id = ?`).run(run.id);
    await expect.poll(row, { interval: 5, timeout: 5000 }).toEqual({ status: 'running', ownerPid: process.pid, error: null });

    // Another process (here: the parent of this one, alive) resumed it: this one stops.
    db.prepare('UPDATE runs SET owner_pid = ?, owner_seen_at = ? WHERE id = ?').run(process.ppid, Date.now(), run.id);
    const settled = await svc.whenSettled(run.id);
    expect(row()).toEqual({ status: 'running', ownerPid: process.ppid, error: null });
    expect(settled.computedElsewhereBy).toBe(process.ppid);
    expect(settled.sequencesDone).toBeLessThan(SEQUENCES);
    expect(notices.map((n) => n.message)).toContain('another PLRP Studio process has taken over this run; it goes on there');
  }, 60_000);
});
