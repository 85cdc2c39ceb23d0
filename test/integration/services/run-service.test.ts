import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import type { RunProgress, RunRequest } from '../../../src-main/shared/run-api';
import { EXPECTED, FASTA, MODEL, serviceInTempDir, writeRandomFasta } from './service-fixtures';
import { relativeL2 } from '../../unit/engine/lrp/fixture-helpers';

interface Fixture { targets: number[]; logits: number[][]; cases: { composite: string; method: string; params: { epsilon: number }; relevance: number[][][] }[] }
const fixture = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Fixture;

const service = serviceInTempDir();

const request = (explanations: RunRequest['explanations'], fasta = FASTA): RunRequest => ({
  model: { kind: 'path', path: MODEL },
  fasta: { kind: 'path', path: fasta },
  explanations,
});

describe('LocalRunService on the cnn4 fixture', () => {
  let firstId = '';

  it('computes a run in worker threads and serves the fixture relevance and logits', async () => {
    const progress: RunProgress[] = [];
    const off = service.svc.on('progress', (p) => progress.push(p));
    const started = await service.svc.start(request([{ id: 'ep', composite: 'epsilon-plus' }]));
    firstId = started.id;
    const done = await service.svc.whenSettled(started.id);
    off();
    expect(done).toMatchObject({ status: 'done', sequenceCount: 4, sequencesDone: 4, error: null });
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4 });
    const expected = fixture.cases.find((c) => c.composite === 'epsilon-plus' && c.method === 'lrp')!;
    // The run explains the predicted output; the fixture explains `targets`, which differ for seq0.
    for (const i of [1, 2, 3]) {
      const slice = await service.svc.trackSlice({ runId: started.id, sequenceIndex: i, explanationId: 'ep', startBp: 0, endBp: 200, bpPerBin: 1 });
      // The fixture's stated agreement for lrp cases (lrp.md, "Fixtures").
      expect(relativeL2(slice.bases!.flat(), expected.relevance[i].flat())).toBeLessThan(1e-3);
      expect(slice.letters).toHaveLength(200);
    }
    const rows = (await service.svc.sequences({ runId: started.id })).rows;
    expect(rows.map((r) => r.name)).toEqual(['seq0', 'seq1', 'seq2', 'seq3']);
    rows.forEach((r, i) => expect(r.logit).toBeCloseTo(fixture.logits[i][r.target], 5));
  });

  it('returns a repeated run at once from the cache, computing nothing', async () => {
    const progress: RunProgress[] = [];
    const off = service.svc.on('progress', (p) => progress.push(p));
    const again = await service.svc.start(request([{ id: 'same', composite: 'epsilon-plus' }]));
    off();
    expect(again.status).toBe('done');
    expect(again.timings.cachedExplanations).toEqual(['same']);
    expect(progress).toEqual([]);
    const a = await service.svc.trackSlice({ runId: firstId, sequenceIndex: 2, explanationId: 'ep', startBp: 0, endBp: 200, bpPerBin: 1 });
    const b = await service.svc.trackSlice({ runId: again.id, sequenceIndex: 2, explanationId: 'same', startBp: 0, endBp: 200, bpPerBin: 1 });
    expect(b.bases).toEqual(a.bases);
  });

  it('computes only the missing explanation of a run that overlaps a cached one', async () => {
    const run = await service.svc.start(request([
      { id: 'ep', composite: 'epsilon-plus' },
      { id: 'plrp', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 },
    ]));
    const done = await service.svc.whenSettled(run.id);
    expect(done.status).toBe('done');
    expect(done.timings.cachedExplanations).toEqual(['ep']);
    expect(done.timings.computedExplanations).toEqual(['plrp']);
    const expected = fixture.cases.find((c) => c.method === 'plrp-lambda' && c.composite === 'epsilon-plus')!;
    const slice = await service.svc.trackSlice({ runId: run.id, sequenceIndex: 1, explanationId: 'plrp', startBp: 0, endBp: 200, bpPerBin: 1 });
    expect(relativeL2(slice.bases!.flat(), expected.relevance[1].flat())).toBeLessThan(1e-3);
  });

  it('bins a track slice into min/max/mean of per-position relevance without per-base values', async () => {
    const fine = await service.svc.trackSlice({ runId: firstId, sequenceIndex: 0, explanationId: 'ep', startBp: 0, endBp: 200, bpPerBin: 1 });
    const coarse = await service.svc.trackSlice({ runId: firstId, sequenceIndex: 0, explanationId: 'ep', startBp: 10, endBp: 60, bpPerBin: 10 });
    expect(coarse.bases).toBeUndefined();
    expect(coarse.bins).toHaveLength(5);
    const r = fine.bins.map((b) => b.mean).slice(20, 30);
    expect(coarse.bins[1]).toMatchObject({ startBp: 20, endBp: 30 });
    expect(coarse.bins[1].min).toBeCloseTo(Math.min(...r), 7);
    expect(coarse.bins[1].max).toBeCloseTo(Math.max(...r), 7);
    expect(coarse.bins[1].mean).toBeCloseTo(r.reduce((a, b) => a + b, 0) / 10, 7);
  });

  it('tiles long sequences and pads short ones, returning one track per sequence of its own length', async () => {
    const fasta = join(service.dir, 'lengths.fa');
    writeRandomFasta(fasta, 3, (i) => [120, 200, 530][i]);
    const run = await service.svc.start(request([{ id: 'ep', composite: 'epsilon-plus' }], fasta));
    expect((await service.svc.whenSettled(run.id)).status).toBe('done');
    const rows = (await service.svc.sequences({ runId: run.id })).rows;
    expect(rows.map((r) => r.lengthBp)).toEqual([120, 200, 530]);
    const long = await service.svc.trackSlice({ runId: run.id, sequenceIndex: 2, explanationId: 'ep', startBp: 0, endBp: 10_000, bpPerBin: 1 });
    expect(long.endBp).toBe(530);
    expect(long.bases!.some(([a, c, g, tt]) => a + c + g + tt !== 0)).toBe(true);
  });

  it('rejects a request with duplicate explanation ids before computing anything', async () => {
    await expect(service.svc.start(request([{ id: 'x' }, { id: 'x', composite: 'epsilon' }]))).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    await expect(service.svc.start({ ...request([{ id: 'x' }]), model: { kind: 'path', path: join(service.dir, 'missing.onnx') } })).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('lands a cancel within a batch, then resumes computing only the rest', async () => {
    // Small batches keep this quick: the request's default metrics make each sequence costly.
    const batch = 64;
    const small = new LocalRunService({ cachePath: join(service.dir, 'cancel.sqlite'), threads: 1, batchSequences: batch });
    const fasta = join(service.dir, 'many.fa');
    const total = 5 * batch;
    writeRandomFasta(fasta, total, 200);
    let cancelled = false;
    const off = small.on('progress', (p) => {
      if (!cancelled && p.done > 0) {
        cancelled = true;
        void small.cancel(p.runId);
      }
    });
    const run = await small.start(request([{ id: 'ep', composite: 'epsilon-plus' }], fasta));
    const stopped = await small.whenSettled(run.id);
    off();
    expect(stopped.status).toBe('cancelled');
    expect(stopped.error?.code).toBe('CANCELLED');
    // One batch done when cancel was asked; at most the one batch in flight finished after it.
    expect(stopped.sequencesDone).toBeGreaterThan(0);
    expect(stopped.sequencesDone).toBeLessThanOrEqual(2 * batch);
    const progress: RunProgress[] = [];
    const off2 = small.on('progress', (p) => progress.push(p));
    await small.resume(run.id);
    const done = await small.whenSettled(run.id);
    off2();
    expect(done).toMatchObject({ status: 'done', sequencesDone: total });
    expect(progress[0].done).toBe(stopped.sequencesDone);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    await small.close();
  });

  it('deletes a run and lists the rest newest first', async () => {
    const before = await service.svc.list();
    await service.svc.delete(firstId);
    const after = await service.svc.list();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id).filter((id) => id !== firstId));
    await expect(service.svc.get(firstId)).rejects.toMatchObject({ code: 'USAGE' });
  });
});
