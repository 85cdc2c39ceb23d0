// `plrp runs import` over what a local run computed for the same model and FASTA: an out.json keeps
// only the target's logit (with an output head), so the import may add what the cache lacks but
// must never replace a computed run's logits with NaN, nor the model's stored info with its own.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseOutJson } from '../../../../src-main/engine/report/out-json';
import { RunCache } from '../../../../src-main/services/cache/run-cache';
import { ingestFasta } from '../../../../src-main/services/ingest-fasta';
import { importOutJson } from '../../../../src-main/services/report/import-out-json';
import { tempDir } from './temp-cache';

const M = 'ab'.repeat(32);
let t: ReturnType<typeof tempDir>;
let cache: RunCache;
let fasta = '';
beforeEach(() => {
  t = tempDir();
  cache = new RunCache(join(t.dir, 'c.sqlite'));
  fasta = join(t.dir, 'x.fa');
  writeFileSync(fasta, '>s0\nACGT\n>s1\nTTGA\n');
});
afterEach(() => {
  cache.close();
  t.cleanup();
});

/** What `plrp explain` writes for the two sequences of x.fa with a softmax head. */
function softmaxOutJson(): ReturnType<typeof parseOutJson> {
  return parseOutJson({
    engine: { name: 'plrp-studio', version: 'plrp-engine-1' },
    model: { path: 'elsewhere/model.onnx', sha256: M, head: 'softmax' },
    fasta, ground_truth: null, metrics: [],
    explanations: [{ id: 'lrp', config: { id: 'lrp', method: 'lrp' } }],
    sequences: [0, 1].map((k) => ({
      name: `s${k}`, length: 4, target: 1, logit: 2 + k, output: [0.1, 0.9],
      relevance: { lrp: [[0.5, 0, 0, 0], [0, k, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]] },
    })),
  }, 'out.json');
}

const logits = (inputSha: string): number[][] => [...cache.predictions(M, inputSha, 0, 2).values()].map((p) => Array.from(p.logits));

describe('importOutJson over a computed run', () => {
  it('keeps the computed logits and the model info', async () => {
    const input = await ingestFasta(cache, fasta, 'x.fa');
    cache.upsertModel(M, 'model.onnx', { path: '/local/model.onnx', lengthBp: 4 });
    cache.writeBatch({
      modelSha: M, inputSha: input.sha256, results: [],
      predictions: [0, 1].map((idx) => ({ idx, output: Float32Array.of(0.1, 0.9), logits: Float32Array.of(-1 - idx, 2 + idx) })),
    });
    await importOutJson(cache, softmaxOutJson(), { source: 'out.json' });
    expect(logits(input.sha256)).toEqual([[-1, 2], [-2, 3]]);
    const info = cache.db.prepare('SELECT name, info_json FROM models WHERE sha256 = ?').get(M) as { name: string; info_json: string };
    expect([info.name, JSON.parse(info.info_json)]).toEqual(['model.onnx', { path: '/local/model.onnx', lengthBp: 4 }]);
  });

  it('adds what the cache lacks: the target logit where nothing was stored, the model row where there was none', async () => {
    const input = await ingestFasta(cache, fasta, 'x.fa');
    await importOutJson(cache, softmaxOutJson(), { source: 'out.json' });
    expect(logits(input.sha256)).toEqual([[NaN, 2], [NaN, 3]]);
    expect(cache.db.prepare('SELECT name FROM models WHERE sha256 = ?').pluck().get(M)).toBe('model.onnx');
  });

  it('fills the logits an earlier import did not know, and a computed run replaces them all', async () => {
    const input = await ingestFasta(cache, fasta, 'x.fa');
    cache.upsertModel(M, 'model.onnx', { path: '/a/model.onnx', imported: true });
    cache.writeBatch({
      modelSha: M, inputSha: input.sha256, results: [],
      predictions: [0, 1].map((idx) => ({ idx, output: Float32Array.of(0.1, 0.9), logits: Float32Array.of(-1 - idx, NaN) })),
    });
    await importOutJson(cache, softmaxOutJson(), { source: 'out.json' });
    expect(logits(input.sha256)).toEqual([[-1, 2], [-2, 3]]);
    cache.writeBatch({
      modelSha: M, inputSha: input.sha256, results: [],
      predictions: [{ idx: 0, output: Float32Array.of(0.2, 0.8), logits: Float32Array.of(-5, 5) }],
    });
    expect(logits(input.sha256)[0]).toEqual([-5, 5]);
  });
});
