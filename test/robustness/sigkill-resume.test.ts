// Nothing computed is lost: a real child process runs a cached run (LocalRunService, SQLite cache)
// and is SIGKILLed at seeded random points, 20 times over the same cache. After every kill the
// database passes PRAGMA integrity_check and no finished batch disappears; the final resume gives
// the same relevance as an uninterrupted run in a separate cache.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { RunCache } from '../../src-main/services/cache/run-cache';
import { seededRandom } from '../unit/engine/lrp/tiny-onnx';

const CHILD = 'test/robustness/helpers/run-child.ts';
const MODEL = 'test/fixtures/lrp/cnn4.onnx';
const MOTIFS = 'test/fixtures/genomics/motif.meme';
const TRIALS = 20;
/** Enough sequences that a run outlasts most kill times (batches of 32 in the child). */
const SEQUENCES = 600;
const dir = mkdtempSync(join(tmpdir(), 'plrp-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeFasta(path: string, n: number): void {
  const rand = seededRandom(20);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`>s${i}`, Array.from({ length: 200 }, () => 'ACGT'[Math.floor(rand() * 4)]).join(''));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function spawnRun(cache: string, fasta: string): { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, cache, MODEL, fasta, MOTIFS], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((res) => child.on('exit', (code, signal) => res({ code, signal, out })));
  return { child, exited };
}

function integrity(cachePath: string): string {
  const db = new Database(cachePath, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string);
  } finally {
    db.close();
  }
}

/** Stored results per explanation id: idx → relevance, read through the cache's own API. */
function results(cachePath: string): Map<string, Map<number, Float32Array>> {
  const cache = new RunCache(cachePath);
  try {
    const run = cache.listRuns()[0];
    const out = new Map<string, Map<number, Float32Array>>();
    if (!run) return out;
    for (const e of cache.runExplanations(run.id)) {
      const m = new Map<number, Float32Array>();
      for (const idx of cache.doneIndices(e.explKey)) m.set(idx, cache.readResult(e.explKey, idx)!.relevance);
      out.set(e.explId, m);
    }
    return out;
  } finally {
    cache.close();
  }
}

const doneCount = (r: Map<string, Map<number, Float32Array>>) => [...r.values()].reduce((s, m) => s + m.size, 0);

describe('SIGKILL during a cached run', () => {
  it(`keeps the cache consistent over ${TRIALS} kills and resumes to the uninterrupted result`, async () => {
    const fasta = join(dir, 'x.fa');
    writeFasta(fasta, SEQUENCES);
    const referenceCache = join(dir, 'reference.sqlite');
    const reference = spawnRun(referenceCache, fasta);
    const cache = join(dir, 'killed.sqlite');
    const rand = seededRandom(88);
    let before = new Map<string, Map<number, Float32Array>>();
    let kills = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const { child, exited } = spawnRun(cache, fasta);
      // Fault injection: the kill lands anywhere from start-up to a few batches in.
      const timer = setTimeout(() => child.kill('SIGKILL'), 300 + rand() * 3500);
      const r = await exited;
      clearTimeout(timer);
      if (r.signal === 'SIGKILL') kills++;
      else expect(r.out).toMatch(/settled done/);
      // A kill during start-up can land before the database file exists: nothing was stored yet.
      if (!existsSync(cache)) {
        expect(doneCount(before)).toBe(0);
        continue;
      }
      expect(integrity(cache)).toBe('ok');
      const after = results(cache);
      // Every result stored before this trial is still there, bit for bit.
      for (const [id, m] of before) for (const [idx, rel] of m) expect(after.get(id)?.get(idx), `${id} #${idx}`).toEqual(rel);
      before = after;
    }
    expect(kills).toBeGreaterThanOrEqual(10);
    const last = await spawnRun(cache, fasta).exited;
    expect(last.out).toMatch(/settled done/);
    const ref = await reference.exited;
    expect(ref.out).toMatch(/settled done/);
    const want = results(referenceCache);
    const got = results(cache);
    expect(doneCount(got)).toBe(2 * SEQUENCES);
    for (const [id, m] of want) {
      for (const [idx, rel] of m) {
        const g = got.get(id)!.get(idx)!;
        let maxDiff = 0;
        for (let i = 0; i < rel.length; i++) maxDiff = Math.max(maxDiff, Math.abs(g[i] - rel[i]));
        expect(maxDiff, `${id} #${idx}`).toBeLessThan(1e-5);
      }
    }
  }, 240_000);
});
