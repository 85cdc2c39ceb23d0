// Ctrl-C on the command line, as a real process gets it (SIGINT). `plrp runs start` computes into
// the run cache: a cancel keeps every stored batch, says how to continue, and `plrp runs resume`
// finishes the run. `plrp explain` writes its output at the end: a cancel leaves no file behind and
// says that nothing was kept and where partial work can be kept. Both get the SIGINT twice, as from
// `timeout -s INT` (the child, then its process group): that is one cancel, not a forced quit.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import { runCli } from '../../unit/cli/cli-helpers';
import { writeRandomFasta } from '../services/service-fixtures';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MODEL = join(ROOT, 'test/fixtures/lrp/cnn4.onnx');
const dir = mkdtempSync(join(tmpdir(), 'plrp-ctrl-c-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `plrp ARGS` as a child process; `stderr()` is what it printed so far. */
function spawnPlrp(args: string[]) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/plrp.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, exited, stderr: () => stderr };
}

async function until<T>(what: string, probe: () => T | null | Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Ctrl-C on plrp runs start', () => {
  it('keeps the stored batches, names the resume command, and runs resume finishes the run', async () => {
    const fasta = join(dir, 'many.fa');
    const cache = join(dir, 'cache.sqlite');
    const n = 4000;
    writeRandomFasta(fasta, n, 200);
    const run = spawnPlrp(['runs', 'start', '--model', MODEL, '--fasta', fasta, '--method', 'plrp-m', '--p', '0.3', '--motifs', 'none',
      '--batch-size', '8', '--cache', cache]);
    const id = await until('the run id', () => /plrp: run ([0-9a-f-]{36})/.exec(run.stderr())?.[1] ?? null);
    const watcher = new LocalRunService({ cachePath: cache });
    try {
      await until('a stored batch', async () => ((await watcher.get(id)).sequencesDone > 0 ? true : null));
      run.child.kill('SIGINT');
      run.child.kill('SIGINT');
      expect(await run.exited, run.stderr()).toBe(130);
      expect(run.stderr()).toContain('Ctrl-C again to quit at once');
      expect(run.stderr()).not.toContain('second Ctrl-C');
      const cancelled = await watcher.get(id);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.sequencesDone).toBeGreaterThan(0);
      expect(cancelled.sequencesDone).toBeLessThan(n);
      expect(run.stderr()).toContain(`${cancelled.sequencesDone.toLocaleString('en-US')} of 4,000 sequences stored, kept in the cache`);
      // The command it suggests opens the same cache.
      expect(run.stderr()).toContain(`plrp runs resume ${id} --cache ${cache}`);
    } finally {
      await watcher.close();
    }
    // `runs show` lists the computed sequences and counts the others.
    const shown = await runCli(['runs', 'show', id.slice(0, 8), '--cache', cache]);
    expect(shown.stdout).toMatch(/^ {2}0\tr0\t200 bp\ttarget \d/m);
    expect(shown.stdout).not.toContain('target -1');
    expect(shown.stdout).toMatch(/… and [\d,]+ of these 1,000 sequences not computed yet \(run cancelled\)/);
    expect(shown.stdout).toContain('… 3,000 more sequences not listed');
    // An id prefix is enough, as for the other runs commands.
    // Without --batch-size the rest would go in the run's batches of 8 (resume-batch-size.test.ts);
    // larger ones finish the test sooner, and the command says which size it uses.
    const resumed = await runCli(['runs', 'resume', id.slice(0, 8), '--cache', cache, '--batch-size', '1024']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('plrp: note: batches of 1,024 sequences (--batch-size) instead of the 8 the run started with; later resumes keep 1,024');
    expect(resumed.stdout.trim()).toBe(id);
    const after = new LocalRunService({ cachePath: cache });
    try {
      const done = await after.get(id);
      expect([done.status, done.sequencesDone]).toEqual(['done', n]);
    } finally {
      await after.close();
    }
  }, 120_000);
});

describe('Ctrl-C on plrp explain', () => {
  it('exits 130 with no output file or temporary file, and says nothing was kept', async () => {
    const fasta = join(dir, 'explain.fa');
    writeRandomFasta(fasta, 50_000, 200);
    const out = join(dir, 'out.json');
    const run = spawnPlrp(['explain', '--model', MODEL, '--fasta', fasta, '--method', 'plrp-m', '--p', '0.3', '--out', out]);
    // The output's temporary file exists once the model was checked and the work has begun.
    await until('the temporary output', () => (readdirSync(dir).some((f) => f.startsWith('out.json.') && f.endsWith('.tmp')) ? true : null));
    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    expect(await run.exited, run.stderr()).toBe(130);
    expect(run.stderr()).toContain('plrp: cancelled; nothing was written');
    expect(run.stderr()).not.toContain('second Ctrl-C');
    expect(run.stderr()).toContain('plrp runs start');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
