// A worker hands the run cache each result already in its stored form: the relevance blob with the
// summary numbers, and the diagnostics and metrics as JSON, the blobs on one buffer to transfer.
import { describe, expect, it } from 'vitest';
import { storeForCache } from '../../../../src-main/engine/pool/stored-relevance';
import type { ExplainedConfig, ExplainedSequence } from '../../../../src-main/engine/pool/explain-task';
import type { PruningDiagnostics } from '../../../../src-main/engine/explain/types';
import { decodeFloat32 } from '../../../../src-main/services/cache/blob-codec';
import { relevanceStats } from '../../../../src-main/engine/explain/relevance-stats';

const point = (massBefore: number, massAfter: number): PruningDiagnostics => ({
  point: 'conv1', p: 0.3, prunedCount: 10, keptCount: 20, prunedMassFraction: 0.3, lambda: 1.2, lambdaPos: null, lambdaNeg: null, signFlips: 0,
  sumBefore: 1, sumAfter: 1, massBefore, massAfter,
});

function result(relevance: Float32Array, diagnostics: PruningDiagnostics[][] = []): ExplainedConfig {
  return { configId: 'ep', relevance, diagnostics, metrics: { gini: 0.25, faithfulness: { morfAuc: -0 } } };
}

const batch = (...explanations: ExplainedConfig[]): ExplainedSequence[] =>
  [{ idx: 0, lengthBp: 2, output: new Float32Array(1), logits: new Float32Array(1), target: 0, explanations }];

describe('storeForCache', () => {
  it('gives blobs the cache decodes back to the same values, the numbers of relevanceStats and the JSON the cache stored before', () => {
    const relevance = new Float32Array(4 * 50);
    for (let i = 0; i < 50; i++) relevance[4 * i + (i % 4)] = Math.sin(i) / 3;
    const other = Float32Array.of(0, 0.5, 0, 0, -1, 0, 0, 0);
    const diagnostics = [[point(2, 1)]];
    const e = result(relevance.slice(), diagnostics);
    const f = result(other.slice());
    storeForCache(batch(e, f));
    expect(decodeFloat32(e.stored!.blob)).toEqual(relevance);
    expect(decodeFloat32(f.stored!.blob)).toEqual(other);
    expect(e.stored).toMatchObject({ ...relevanceStats(relevance), finite: true, magnified: false,
      diagnosticsJson: JSON.stringify(diagnostics), metricsJson: '{"gini":0.25,"faithfulness":{"morfAuc":0}}' });
    // What the main thread no longer receives.
    expect([e.relevance.length, e.diagnostics, e.metrics]).toEqual([0, [], {}]);
  });

  it('puts every blob of the batch on the one buffer it returns, and no other blob shares it', () => {
    const e = result(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8));
    const f = result(Float32Array.of(0, 0, 0, 1));
    const buffer = storeForCache(batch(e, f));
    expect(e.stored!.blob.buffer).toBe(buffer);
    expect(f.stored!.blob.buffer).toBe(buffer);
    expect(buffer.byteLength).toBe(e.stored!.blob.byteLength + f.stored!.blob.byteLength);
  });

  it('says when a value is NaN or infinite, and when PLRP magnified the relevance', () => {
    const nan = result(Float32Array.of(0, Number.NaN, 0, 0));
    const inf = result(Float32Array.of(0, 0, Number.POSITIVE_INFINITY, 0), [[point(1, 50)]]);
    storeForCache(batch(nan, inf));
    expect([nan.stored!.finite, inf.stored!.finite]).toEqual([false, false]);
    expect([nan.stored!.magnified, inf.stored!.magnified]).toEqual([false, true]);
  });
});
