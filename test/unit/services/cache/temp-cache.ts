// Test helpers: a fresh temp folder per test and a small run written into a cache.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExplainConfig, canonicalConfig } from '../../../../src-main/shared/explain-config';
import type { RunCache } from '../../../../src-main/services/cache/run-cache';
import type { StoredRun } from '../../../../src-main/services/cache/cache-types';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plrp-cache-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function storedRun(id: string, createdAt: number, over: Partial<StoredRun> = {}): StoredRun {
  return {
    id, label: null, status: 'queued', modelSha: 'm'.repeat(64), inputSha: 'i'.repeat(64), modelName: 'cnn4.onnx',
    fastaName: 'cnn4.fa', request: { modelPath: '/m.onnx', fastaPath: '/x.fa', groundTruthBedPath: null, motifsPath: null, metrics: [] },
    target: 'predicted', engineVersion: 'test', createdAt, startedAt: null, finishedAt: null, computeMs: 0, error: null, notices: [],
    ownerPid: null, ownerSeenAt: null, ...over,
  };
}

/** Model, input of `n` sequences of `lengthBp`, one run with one explanation `lrp` keyed `key`. */
export function seedRun(cache: RunCache, runId: string, key: string, createdAt: number, n = 3, lengthBp = 8): void {
  cache.upsertModel('m'.repeat(64), 'cnn4.onnx', { layers: 3 });
  if (!cache.hasCompleteInput('i'.repeat(64))) {
    cache.beginInput('i'.repeat(64), 'cnn4.fa');
    cache.addSequences('i'.repeat(64), Array.from({ length: n }, (_, idx) => ({ idx, name: `s${idx}`, lengthBp, letters: 'ACGT'.repeat(lengthBp / 4) })));
    cache.completeInput('i'.repeat(64), n);
  }
  const config = parseExplainConfig({ id: 'lrp' });
  cache.insertRun(storedRun(runId, createdAt), [{ explId: 'lrp', explKey: key, config, canonical: canonicalConfig(config) }]);
}

export function relevance(lengthBp: number, seed: number): Float32Array {
  return Float32Array.from({ length: lengthBp * 4 }, (_, i) => Math.sin(seed * 31 + i) * (i % 4 === 0 ? 1 : 0));
}
