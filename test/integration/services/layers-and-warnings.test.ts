import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import { LAYER_SEQUENCES } from '../../../src-main/services/cache/layer-store';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

let t: ReturnType<typeof tempDir>;
let svc: LocalRunService;
let runId = '';
// Sequence 0 is shorter than cnn4's 200-bp window, sequence 1 is mostly N, the rest are clean.
const COUNT = LAYER_SEQUENCES + 2;

beforeAll(async () => {
  t = tempDir();
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1 });
  const fasta = join(t.dir, 'in.fa');
  writeRandomFasta(fasta, COUNT, (i) => (i === 0 ? 120 : 200));
  const { readFileSync, writeFileSync } = await import('node:fs');
  const lines = readFileSync(fasta, 'utf8').split('\n');
  lines[3] = 'N'.repeat(150) + lines[3].slice(150);
  writeFileSync(fasta, lines.join('\n'));
  const started = await svc.start({
    model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta },
    explanations: [{ id: 'lrp', composite: 'epsilon-plus' }, { id: 'pl', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }],
  });
  runId = started.id;
  expect((await svc.whenSettled(runId)).status).toBe('done');
}, 60_000);
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

describe('PLRP layer relevance in the run service', () => {
  it('serves the before/after grid of a pruning point where kept entries are the unpruned ones', async () => {
    const v = await svc.layerRelevance({ runId, sequenceIndex: 2, explanationId: 'pl' });
    expect(v.points.length).toBeGreaterThan(0);
    expect(v.point).toBe(v.points[0]);
    expect(v.windows).toBe(1);
    expect(v.before).toHaveLength(v.channels * v.columns);
    expect(v.after).toHaveLength(v.before.length);
    const pruned = v.before.filter((b, i) => b !== 0 && v.after[i] === 0).length;
    const kept = v.after.filter((a) => a !== 0).length;
    // p = 0.3 prunes some entries and keeps others.
    expect(pruned).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
    // The diagnostics of the same point count the same kept entries.
    const diag = (await svc.diagnostics(runId, 2)).find((d) => d.explanationId === 'pl')!.windows[0].find((p) => p.point === v.point)!;
    if (v.positionsPerColumn === 1) expect(kept).toBe(diag.keptCount);
  });

  it('keeps layer relevance only for the first sequences and says so for the others', async () => {
    const last = await svc.layerRelevance({ runId, sequenceIndex: COUNT - 1, explanationId: 'pl' });
    expect(last.points).toEqual([]);
    expect(last.note).toMatch(/first 8 sequences/);
    const count = svc.cache.db.prepare('SELECT COUNT(DISTINCT idx) FROM layer_relevance').pluck().get();
    expect(count).toBe(LAYER_SEQUENCES);
  });

  it('stores nothing for LRP and explains why', async () => {
    const v = await svc.layerRelevance({ runId, sequenceIndex: 2, explanationId: 'lrp' });
    expect(v.points).toEqual([]);
    expect(v.note).toMatch(/LRP prunes nothing/);
  });
});

describe('per-sequence warnings in the run service', () => {
  it('flags a sequence shorter than the model window and one that is mostly N, once each, and no clean one', async () => {
    const rows = (await svc.sequences({ runId })).rows;
    expect(rows[0].warnings).toHaveLength(1);
    expect(rows[0].warnings[0]).toMatch(/120 bp, shorter than the model's 200-bp input/);
    expect(rows[1].warnings).toHaveLength(1);
    expect(rows[1].warnings[0]).toMatch(/75 % N/);
    expect(rows.slice(2).every((r) => r.warnings.length === 0)).toBe(true);
  });
});
