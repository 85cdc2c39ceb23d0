// Shared setup of the run-service integration tests: the cnn4 LRP fixture (200 bp, 2 outputs) and
// generated FASTA files of random sequences in a temp folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { LocalRunService, type RunServiceOptions } from '../../../src-main/services/run-service';

export const MODEL = fileURLToPath(new URL('../../fixtures/lrp/cnn4.onnx', import.meta.url));
export const FASTA = fileURLToPath(new URL('../../fixtures/lrp/cnn4.fa', import.meta.url));
export const EXPECTED = fileURLToPath(new URL('../../fixtures/lrp/cnn4.json', import.meta.url));

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plrp-service-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deterministic pseudo-random DNA (xorshift), so failures reproduce. */
export function writeRandomFasta(path: string, count: number, lengthBp: number | ((i: number) => number), seed = 7): void {
  let x = seed >>> 0 || 1;
  const rand = (): number => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x;
  };
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const len = typeof lengthBp === 'number' ? lengthBp : lengthBp(i);
    let s = '';
    for (let k = 0; k < len; k++) s += 'ACGT'[rand() & 3];
    lines.push(`>r${i}`, s);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * A run service on its own cache in a temp folder, for the tests of one file: made before the
 * first test, closed and removed after the last. Read `svc` and `dir` inside the tests.
 */
export function serviceInTempDir(options: Omit<RunServiceOptions, 'cachePath'> = {}): { readonly svc: LocalRunService; readonly dir: string } {
  let t: ReturnType<typeof tempDir>;
  let svc: LocalRunService;
  beforeAll(() => {
    t = tempDir();
    svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1, ...options });
  });
  afterAll(async () => {
    await svc.close();
    t.cleanup();
  });
  return { get svc() { return svc; }, get dir() { return t.dir; } };
}
