import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import { LAYER_SEQUENCES, LAYER_WINDOWS } from '../../../src-main/services/cache/layer-store';
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
  runId = await runLrpAndPlrp(fasta);
}, 60_000);

/** A finished run of LRP and PLRP-λ (ids 'lrp', 'pl') on cnn4 over `fasta`; returns its id. */
async function runLrpAndPlrp(fasta: string, model = MODEL): Promise<string> {
  const started = await svc.start({
    model: { kind: 'path', path: model }, fasta: { kind: 'path', path: fasta },
    explanations: [{ id: 'lrp', composite: 'epsilon-plus' }, { id: 'pl', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }],
  });
  expect((await svc.whenSettled(started.id)).status).toBe('done');
  return started.id;
}
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
    const diag = (await svc.diagnostics(runId, 2)).find((d) => d.explanationId === 'pl')!.points.find((p) => p.point === v.point)!;
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
    // Its PLRP relevance sums to the opposite sign of the logit (sign warnings are tested below).
    expect(rows[1].warnings[0]).toMatch(/75 % N/);
    expect(rows[1].warnings.slice(1).every((w) => / reverses the prediction's sign /.test(w))).toBe(true);
    // Random sequences are no clean predictions: PLRP may flip or reverse them, but nothing else is said.
    expect(rows.slice(2).every((r) => r.warnings.every((w) => /^PLRP-λ flipped the sign|reverses the prediction's sign/.test(w)))).toBe(true);
  });
});

describe('a tiled sequence: diagnostics and layers per model window', () => {
  let tiledRun = '';
  beforeAll(async () => {
    // 1,000 bp through cnn4's 200-bp input at a stride of 100: windows start at 0, 100, …, 800.
    const fasta = join(t.dir, 'tiled.fa');
    writeRandomFasta(fasta, 1, () => 1000);
    tiledRun = await runLrpAndPlrp(fasta);
  }, 60_000);

  it('serves one window at a time, with where it lies in the sequence', async () => {
    const first = (await svc.diagnostics(tiledRun, 0)).find((d) => d.explanationId === 'pl')!;
    expect(first).toMatchObject({ windowCount: 9, window: 0, startBp: 0, endBp: 200 });
    expect(first.points.length).toBeGreaterThan(0);
    const fifth = (await svc.diagnostics(tiledRun, 0, 4)).find((d) => d.explanationId === 'pl')!;
    expect(fifth).toMatchObject({ windowCount: 9, window: 4, startBp: 400, endBp: 600 });
    expect(fifth.points.map((p) => p.point)).toEqual(first.points.map((p) => p.point));
    expect(fifth.points.map((p) => p.sumBefore)).not.toEqual(first.points.map((p) => p.sumBefore));
    // Past the last window: the last one. LRP has windows but no pruning points.
    const [lrp, last] = await svc.diagnostics(tiledRun, 0, 99);
    expect(last).toMatchObject({ explanationId: 'pl', window: 8, startBp: 800, endBp: 1000 });
    expect(lrp).toMatchObject({ explanationId: 'lrp', windowCount: 9, points: [] });
  });

  it('keeps layer relevance for the leading windows only', async () => {
    const kept = await svc.layerRelevance({ runId: tiledRun, sequenceIndex: 0, explanationId: 'pl', window: LAYER_WINDOWS - 1 });
    expect(kept.windows).toBe(LAYER_WINDOWS);
    expect(kept.window).toBe(LAYER_WINDOWS - 1);
    expect(kept.before.length).toBeGreaterThan(0);
    // A later window gets a note, not the grid of a window it is not.
    const later = await svc.layerRelevance({ runId: tiledRun, sequenceIndex: 0, explanationId: 'pl', window: LAYER_WINDOWS });
    expect(later.before).toEqual([]);
    expect(later.window).toBe(LAYER_WINDOWS);
    expect(later.note).toBe(`Layer relevance is kept for the first ${LAYER_WINDOWS} model windows of a sequence; this is window ${LAYER_WINDOWS + 1}.`);
  });
});

describe('sign warnings in the run service', () => {
  it("flags PLRP-λ p = 0.3 on a sequence whose λ < 0 flips LRP's main peak (cnn4, a reviewer's normal_1), not LRP", async () => {
    const { writeFileSync } = await import('node:fs');
    const fasta = join(t.dir, 'flip.fa');
    writeFileSync(fasta, '>normal_1\nGCTAAAGACAATTACATAACATACACGTCAGCACGAAACTTGTTGGCCCAGTGTGAATCGAGATAAGGCTTAAGGGTTAAGTAAGTGTGATGCATACGCCTTTACTTGCAGGTGCTGTGTCCACCCCATCGGACTGGCATTTTTATTACACTCAGAAACAGAACTCGGGTAATTTTGACAGGTCACGCAGAGGCGCGCCC\n');
    const flipRun = await runLrpAndPlrp(fasta, fileURLToPath(new URL('../../../resources/models/cnn4-pair.onnx', import.meta.url)));
    const [row] = (await svc.sequences({ runId: flipRun })).rows;
    expect(row.warnings).toEqual([expect.stringMatching(/^PLRP-λ flipped the sign of relevance for sequence normal_1 under explanation pl: .* λ = -0\.436, so 9 kept entries changed sign .*lambda: per-sign/)]);
  }, 60_000);
});
