// A sequence's seqlets depend on its relevance and the run's null sample only: not on the batches
// it was explained in (batch size, workers, resume), and `plrp explain`'s analysis calls the same.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import type { RunRequest, SeqletRow } from '../../../src-main/shared/run-api';
import { encodeOneHot } from '../../../src-main/engine/genomics/one-hot';
import { observedBaseRelevance } from '../../../src-main/engine/genomics/observed-base';
import { analyzeRelevance } from '../../../src-main/engine/motifs/relevance-analysis';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

const COUNT = 60;
/** More than the default null sample (1,024 sequences of 200 bp): a run past it. */
const PAST_SAMPLE = 1024 + 64;
let t: ReturnType<typeof tempDir>;
let fasta = '';
let large = '';
beforeAll(() => {
  t = tempDir();
  fasta = join(t.dir, 'seqs.fa');
  writeRandomFasta(fasta, COUNT, 200, 11);
  large = join(t.dir, 'large.fa');
  writeRandomFasta(large, PAST_SAMPLE, 200, 12);
});
afterAll(() => t.cleanup());

const request = (path = fasta): RunRequest => ({
  model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path }, metrics: [], scanMotifs: false,
  explanations: [{ id: 'ep', composite: 'epsilon-plus' }],
});

/** The run's seqlets, after a run on its own cache with these options. */
async function seqletsOfRun(name: string, options: { batchSequences?: number; seqletSampleSequences?: number }, path = fasta, count = COUNT): Promise<{ seqlets: SeqletRow[]; svc: LocalRunService; runId: string }> {
  const svc = new LocalRunService({ cachePath: join(t.dir, `${name}.sqlite`), threads: 1, ...options });
  const run = await svc.start(request(path));
  expect(await svc.whenSettled(run.id)).toMatchObject({ status: 'done', sequencesDone: count });
  return { seqlets: await svc.seqlets(run.id), svc, runId: run.id };
}

const bySequence = (rows: readonly SeqletRow[]): string[] =>
  [...rows].sort((a, b) => a.sequenceIndex - b.sequenceIndex || a.startBp - b.startBp || a.sign.localeCompare(b.sign))
    .map((r) => `${r.sequenceIndex} ${r.sign}${r.startBp}-${r.endBp} ${r.sum} ${r.pValue}`);

describe('seqlets and batching', () => {
  it('are the same in one batch and in batches of 7, with a sample that ends inside a batch', async () => {
    const one = await seqletsOfRun('one', { batchSequences: COUNT, seqletSampleSequences: 20 });
    const sevens = await seqletsOfRun('sevens', { batchSequences: 7, seqletSampleSequences: 20 });
    expect(one.seqlets.length).toBeGreaterThan(COUNT);
    expect(bySequence(sevens.seqlets)).toEqual(bySequence(one.seqlets));
    await Promise.all([one.svc.close(), sevens.svc.close()]);
  });

  it('are what `plrp explain` calls on the same relevance', async () => {
    const run = await seqletsOfRun('explain', { batchSequences: 9 });
    const sequences: { name: string; sequence: string }[] = [];
    const observed: Float32Array[] = [];
    for (let i = 0; i < COUNT; i++) {
      const slice = await run.svc.trackSlice({ runId: run.runId, sequenceIndex: i, explanationId: 'ep', startBp: 0, endBp: 200, bpPerBin: 1 });
      sequences.push({ name: `r${i}`, sequence: slice.letters! });
      // As `plrp explain` projects it (cli/explain/relevance-annotations.ts).
      observed.push(observedBaseRelevance(Float32Array.from(slice.bases!.flat()), encodeOneHot(slice.letters!)));
    }
    const explained = analyzeRelevance({ sequences, observed: { ep: observed } }).seqlets.ep;
    expect(bySequence(explained.map((s) => ({
      sequenceIndex: s.sequenceIndex, explanationId: 'ep', startBp: s.start, endBp: s.end, sign: s.sign === 'positive' ? '+' : '-', sum: s.attribution, pValue: s.pValue,
    })))).toEqual(bySequence(run.seqlets));
    await run.svc.close();
  });

  it('keep every stored batch of the null sample when a run is cancelled, and are the same after its resume', async () => {
    const whole = await seqletsOfRun('whole', {}, large, PAST_SAMPLE);
    const batch = 32;
    const svc = new LocalRunService({ cachePath: join(t.dir, 'cancelled.sqlite'), threads: 1, batchSequences: batch });
    let cancelled = false;
    const off = svc.on('progress', (p) => {
      if (!cancelled && p.done > 0) {
        cancelled = true;
        void svc.cancel(p.runId);
      }
    });
    const run = await svc.start(request(large));
    const stopped = await svc.whenSettled(run.id);
    off();
    // Cancelled inside the sample (1,024 sequences): its stored batches stay, not only those past it.
    expect(stopped).toMatchObject({ status: 'cancelled' });
    expect(stopped.sequencesDone).toBeGreaterThanOrEqual(batch);
    expect(stopped.sequencesDone).toBeLessThan(1024);
    await svc.resume(run.id);
    expect(await svc.whenSettled(run.id)).toMatchObject({ status: 'done', sequencesDone: PAST_SAMPLE });
    const resumed = await svc.seqlets(run.id);
    expect(new Set(resumed.map((s) => s.sequenceIndex)).size).toBeGreaterThan(PAST_SAMPLE / 2);
    expect(bySequence(resumed)).toEqual(bySequence(whole.seqlets));
    await Promise.all([svc.close(), whole.svc.close()]);
  });
});
