// How runs are told apart on Start and in the Run view (one name, the id as secondary text), and
// when "Run the demo" opens a finished run instead of adding another identical row.
import { describe, expect, it } from 'vitest';
import { parseExplainConfig } from '../../../src-main/shared/explain-config';
import type { RunSummary } from '../../../src-main/shared/run-api';
import type { FileEntry } from '../../../src-main/shared/studio-types';
import { inputName, runName, shortRunId } from '../../../src-renderer/src/lib/util/run-name';
import { finishedTwin } from '../../../src-renderer/src/lib/util/run-reuse';
import { buildRunRequest, DEFAULT_METHODS, demoRequest } from '../../../src-renderer/src/lib/util/run-request';

const entry = (name: string, token: string): FileEntry => ({ token, name, sizeBytes: 1, origin: 'bundled', kind: null });
const bundle = {
  available: true,
  model: entry('cnn32-pair.onnx', 'm'.repeat(16)),
  fasta: entry('gata-tal-pair.fa', 'f'.repeat(16)),
  groundTruthBed: entry('gata-tal-pair.bed', 'b'.repeat(16)),
  motifs: entry('JASPAR.txt', 'j'.repeat(16)),
};
const demo = demoRequest(bundle)!;
const files = { modelSha256: 'a'.repeat(64), inputSha256: 'c'.repeat(64), engineVersion: 'test' };

/** A summary as the host sends it: each config parsed (defaults filled) and stored in schema order. */
function summaryOf(request: typeof demo, over: Partial<RunSummary> = {}): RunSummary {
  return {
    id: '0123456789abcdef', label: request.label ?? null, status: 'done', modelName: 'cnn32-pair.onnx', modelSha256: files.modelSha256,
    fastaName: 'gata-tal-pair.fa', inputSha256: files.inputSha256, sequenceCount: 40, sequencesDone: 40, regions: null,
    explanations: request.explanations.map((e) => {
      const { id, ...rest } = parseExplainConfig(e);
      return { id, composite: rest.composite, method: rest.method, canonical: JSON.stringify(rest) };
    }),
    metrics: request.metrics ?? [], target: request.target ?? 'predicted', outputLabels: null, engineVersion: 'test',
    timings: { createdAt: 1000, startedAt: 1000, finishedAt: 2000, computeMs: 900, cachedExplanations: [], computedExplanations: [] },
    error: null, notices: [], groundTruthScoring: null, computedElsewhereBy: null, modelHead: null, modelRecommendedP: null, modelLengthBp: null, ...over,
  };
}

describe('run names', () => {
  it('use the label when the run has one, else model · FASTA', () => {
    expect(runName({ label: 'Demo', modelName: 'cnn32-pair.onnx', fastaName: 'gata-tal-pair.fa' })).toBe('Demo');
    expect(runName({ label: null, modelName: 'cnn32-pair.onnx', fastaName: 'gata-tal-pair.fa' })).toBe('cnn32-pair.onnx · gata-tal-pair.fa');
    expect(runName({ label: '  ', modelName: 'm.onnx', fastaName: 'x.fa' })).toBe('m.onnx · x.fa');
    // A region run says it explains regions, how many, and from where.
    const regionRun = { label: null, modelName: 'm.onnx', fastaName: 'genome.fa', sequenceCount: 320 };
    expect(runName({ ...regionRun, regions: { strings: [], bedName: 'peaks.bed' } })).toBe('m.onnx · genome.fa · 320 regions (peaks.bed)');
    expect(inputName({ ...regionRun, sequenceCount: 2, regions: { strings: ['chr1:101-500', 'chr2:10,001-10,400'], bedName: null } })).toBe('genome.fa · 2 regions (chr1:101-500, chr2:10,001-10,400)');
    expect(inputName({ ...regionRun, sequenceCount: 4, regions: { strings: ['a', 'b', 'c'], bedName: 'p.bed' } })).toBe('genome.fa · 4 regions (a, b, …, p.bed)');
    expect(inputName({ ...regionRun, regions: null })).toBe('genome.fa');
  });
  it('keep the id prefix as a short secondary tag', () => {
    expect(shortRunId({ id: 'eebbe98a-1234-5678' })).toBe('eebbe98a');
  });
});

describe('Run the demo again', () => {
  it('finds the finished demo run with the same model, sequences and explanations', () => {
    const earlier = summaryOf(demo);
    expect(finishedTwin([earlier], demo, files)).toBe(earlier);
  });
  it('picks the newest of several finished twins', () => {
    const old = summaryOf(demo, { id: 'old', timings: { ...summaryOf(demo).timings, createdAt: 1 } });
    const recent = summaryOf(demo, { id: 'recent', timings: { ...summaryOf(demo).timings, createdAt: 5000 } });
    expect(finishedTwin([old, recent], demo, files)?.id).toBe('recent');
  });
  it('matches on checksums, not names: a renamed copy of the model is the same run', () => {
    expect(finishedTwin([summaryOf(demo, { modelName: 'renamed.onnx', label: null })], demo, files)).not.toBeNull();
  });
  it('does not reuse a run that is not done, or computed something else', () => {
    expect(finishedTwin([summaryOf(demo, { status: 'cancelled', sequencesDone: 10 })], demo, files)).toBeNull();
    expect(finishedTwin([summaryOf(demo, { status: 'running' })], demo, files)).toBeNull();
    expect(finishedTwin([summaryOf(demo, { modelSha256: 'd'.repeat(64) })], demo, files)).toBeNull();
    expect(finishedTwin([summaryOf(demo, { inputSha256: 'e'.repeat(64) })], demo, files)).toBeNull();
    expect(finishedTwin([summaryOf(demo, { target: 1 })], demo, files)).toBeNull();
    // Computed by an earlier engine: after an upgrade the demo is computed again.
    expect(finishedTwin([summaryOf(demo, { engineVersion: 'plrp-engine-0' })], demo, files)).toBeNull();
    // Same files, fewer methods (no p sweep), or no ground truth (fewer metrics): not the demo.
    const noSweep = buildRunRequest({ model: bundle.model, fasta: bundle.fasta, bed: bundle.groundTruthBed }, DEFAULT_METHODS, 'predicted', 'Demo');
    expect(finishedTwin([summaryOf(noSweep)], demo, files)).toBeNull();
    const noBed = buildRunRequest({ model: bundle.model, fasta: bundle.fasta }, { ...DEFAULT_METHODS, sweep: true }, 'predicted', 'Demo');
    expect(finishedTwin([summaryOf(noBed)], demo, files)).toBeNull();
  });
  it('compares configs with their defaults filled, whatever the key order', () => {
    const explicit = { ...demo, explanations: demo.explanations.map((e) => ({ ...parseExplainConfig(e) })) };
    expect(finishedTwin([summaryOf(demo)], explicit, files)).not.toBeNull();
    const otherEpsilon = { ...demo, explanations: demo.explanations.map((e) => ({ ...e, epsilon: 0.01 })) };
    expect(finishedTwin([summaryOf(demo)], otherEpsilon, files)).toBeNull();
  });
});
