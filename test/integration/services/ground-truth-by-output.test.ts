// A multitask model with a BED of every task's sites (the shipped multitask demo): each
// explanation's RMA/RRA must use the sites of the output it explains, and the Tracks view must
// draw those. The same model without its manifest (no output names) scores every region.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunRequest, SequenceRow } from '../../../src-main/shared/run-api';
import { positionRelevance } from '../../../src-main/engine/metrics/position-relevance';
import { relevanceMassAccuracy } from '../../../src-main/engine/metrics/relevance-mass-accuracy';
import { serviceInTempDir } from './service-fixtures';
import { forgetOutputLabels } from '../../../src-main/engine/explain/model-manifest';

const resource = (p: string) => fileURLToPath(new URL(`../../../resources/${p}`, import.meta.url));
const MODEL = resource('models/deep-multitask.onnx');
const FASTA = resource('demo/multitask.fa');
const BED = resource('demo/multitask.bed');
const LABELS = ['ctcf', 'cebpb', 'spi1', 'foxa1'];
const L = 200;

/** The BED read independently of the engine: sequence → [start, end, task name] of each site. */
const sites = new Map<string, [number, number, string][]>();
for (const line of readFileSync(BED, 'utf8').trim().split('\n')) {
  const [seq, start, end, name] = line.split('\t');
  sites.set(seq, [...(sites.get(seq) ?? []), [Number(start), Number(end), name.split(':')[0].toLowerCase()]]);
}
const mask = (seq: string, keep: (task: string) => boolean) => {
  const m = new Uint8Array(L);
  for (const [s, e, task] of sites.get(seq) ?? []) if (keep(task)) m.fill(1, s, e);
  return m;
};

const service = serviceInTempDir();

const request = (model: string): RunRequest => ({
  model: { kind: 'path', path: model },
  fasta: { kind: 'path', path: FASTA },
  groundTruthBed: { kind: 'path', path: BED },
  scanMotifs: false,
  explanations: [{ id: 'ep', composite: 'epsilon-plus' }],
  metrics: ['rma', 'rra'],
});

async function computed(model: string): Promise<{ id: string; notices: string[]; scoring: string | null; head: string | null; rows: SequenceRow[] }> {
  const started = await service.svc.start(request(model));
  const done = await service.svc.whenSettled(started.id);
  expect(done.status).toBe('done');
  return { id: done.id, notices: done.notices, scoring: done.groundTruthScoring, head: done.modelHead, rows: (await service.svc.sequences({ runId: done.id, limit: 100 })).rows };
}

async function rmaWith(runId: string, row: SequenceRow, truth: Uint8Array): Promise<number | null> {
  const slice = await service.svc.trackSlice({ runId, sequenceIndex: row.index, explanationId: 'ep', startBp: 0, endBp: L, bpPerBin: 1 });
  return relevanceMassAccuracy(positionRelevance(Float32Array.from(slice.bases!.flat()), L), truth);
}

describe('ground truth of a multitask model', () => {
  it('scores each explanation against the sites of the output it explains', async () => {
    const run = await computed(MODEL);
    expect(run.notices.join('\n')).toContain("matched by the BED's name column");
    expect(run.scoring).toBe('by-output');
    // Recorded when the run starts: the app tells from it which sequences the model calls empty.
    expect(run.head).toBe('sigmoid');
    let differsFromAllSites = 0;
    for (const row of run.rows) {
      const own = mask(row.name, (task) => task === LABELS[row.target]);
      const rma = row.explanations.ep.metrics.rma ?? null;
      if (!own.includes(1)) {
        // No site of the explained output: nothing to localise.
        expect(rma).toBeNull();
        continue;
      }
      expect(rma).toBeCloseTo((await rmaWith(run.id, row, own))!, 5);
      if (Math.abs(rma! - (await rmaWith(run.id, row, mask(row.name, () => true)))!) > 1e-6) differsFromAllSites++;
      // The track draws every site and marks those of the explained output as the scored ones.
      const drawn = await service.svc.groundTruth(run.id, row.index);
      expect(drawn!.length).toBe(sites.get(row.name)!.length);
      const scored = drawn!.filter((r) => r.scored);
      expect(scored.every((r) => r.name.split(':')[0].toLowerCase() === LABELS[row.target])).toBe(true);
      expect(scored.length).toBe(sites.get(row.name)!.filter(([, , task]) => task === LABELS[row.target]).length);
    }
    // The demo plants several tasks' sites in some sequences: those scores must change.
    expect(differsFromAllSites).toBeGreaterThan(0);
    // The same run again comes from the cache, and says so just as well (by the BED's file name).
    const again = await computed(MODEL);
    expect(again.notices.join('\n')).toMatch(/^[^/]*\.bed: RMA and RRA score each explanation against the regions of the output it explains/);
    // The report says how RMA/RRA were scored.
    expect(Buffer.from(await service.svc.report(run.id, 'html')).toString('utf8')).toContain('RMA and RRA score each explanation against the regions of the output it explains');
  });

  it('keeps the output names it started with when the manifest goes (an upload folder that was cleaned up)', async () => {
    const dir = join(service.dir, 'upload');
    mkdirSync(dir);
    const model = join(dir, 'deep-multitask.onnx');
    copyFileSync(MODEL, model);
    copyFileSync(MODEL.replace(/\.onnx$/, '.json'), join(dir, 'deep-multitask.json'));
    const run = await computed(model);
    rmSync(join(dir, 'deep-multitask.json'));
    // As a new process would: nothing remembered of the manifest.
    forgetOutputLabels(model);
    const summary = (await service.svc.list()).find((r) => r.id === run.id)!;
    expect(summary.outputLabels).toEqual(LABELS);
    const row = run.rows.find((r) => (sites.get(r.name) ?? []).some(([, , task]) => task !== LABELS[r.target]))!;
    const drawn = (await service.svc.groundTruth(run.id, row.index))!;
    expect(drawn.every((r) => r.scored === (r.name.split(':')[0].toLowerCase() === LABELS[row.target]))).toBe(true);
  });

  it('scores every site for a model whose outputs are not named, and does not reuse the per-output results', async () => {
    const unnamed = join(service.dir, 'unnamed.onnx');
    copyFileSync(MODEL, unnamed);
    const run = await computed(unnamed);
    expect(run.notices.join('\n')).not.toContain('matched by');
    expect(run.scoring).toBe('all');
    for (const row of run.rows) {
      const all = mask(row.name, () => true);
      const rma = row.explanations.ep.metrics.rma ?? null;
      if (!all.includes(1)) expect(rma).toBeNull();
      else expect(rma).toBeCloseTo((await rmaWith(run.id, row, all))!, 5);
      const drawn = (await service.svc.groundTruth(run.id, row.index))!;
      expect(drawn.length).toBe(sites.get(row.name)?.length ?? 0);
      expect(drawn.every((r) => r.scored)).toBe(true);
    }
  });
});
