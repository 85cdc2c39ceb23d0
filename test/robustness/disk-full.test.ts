// Disk full while writing: exports (writeFileAtomic) and `plrp explain`'s out.json (JsonOutput) must
// fail with a clear IO_ERROR and leave nothing under the final name — and no temp file behind.
// A real 64 KiB tmpfs is used when the test runs as root (mount allowed); everywhere else ENOSPC is
// injected into node:fs/promises' writeFile, which is what the kernel reports.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const failWrites = { on: false };
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    writeFile: async (...args: Parameters<typeof real.writeFile>) => {
      if (!failWrites.on) return real.writeFile(...args);
      await real.writeFile(args[0], 'partial');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
});

const { writeFileAtomic } = await import('../../src-main/engine/export/atomic-write');
const { JsonOutput } = await import('../../src-main/cli/explain/json-output');

const base = mkdtempSync(join(tmpdir(), 'plrp-full-'));
const tiny = join(base, 'tiny');
mkdirSync(tiny);
let mounted = false;
try {
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tiny], { stdio: 'ignore' });
    mounted = true;
  }
} catch {
  mounted = false;
}
afterAll(() => {
  if (mounted) execFileSync('umount', [tiny]);
  rmSync(base, { recursive: true, force: true });
});

describe('disk full', () => {
  it('an export that hits ENOSPC is an IO_ERROR naming the file, with no file under the final name', async () => {
    const path = join(base, 'exports', 'seq1.bedgraph');
    writeFileSync(join(base, 'keep.txt'), 'x');
    failWrites.on = true;
    try {
      await expect(writeFileAtomic(path, 'chr1\t0\t1\t0.5\n')).rejects.toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/seq1\.bedgraph: cannot write \(ENOSPC\)/) });
    } finally {
      failWrites.on = false;
    }
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(base, 'exports'))).toEqual([]);
  });

  it.runIf(mounted)('an export larger than a real 64 KiB filesystem fails cleanly and the old file is kept', async () => {
    const path = join(tiny, 'track.bedgraph');
    await writeFileAtomic(path, 'old\n');
    await expect(writeFileAtomic(path, 'x'.repeat(256 * 1024))).rejects.toMatchObject({ code: 'IO_ERROR' });
    expect(readdirSync(tiny)).toEqual(['track.bedgraph']);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
  });

  it.runIf(mounted)('out.json streamed onto a full filesystem fails with IO_ERROR and leaves neither out.json nor its temp file', async () => {
    const path = join(tiny, 'out.json');
    const out = new JsonOutput(path, { engine: 'test' }, () => undefined);
    const rel = new Float32Array(200 * 4).fill(0.123456789);
    const seq = { idx: 0, lengthBp: 200, output: new Float32Array([1]), logits: new Float32Array([1]), target: 0, explanations: [{ configId: 'lrp', relevance: rel, diagnostics: [], metrics: {} }] };
    let error: unknown = null;
    try {
      for (let i = 0; i < 200; i++) await out.add({ name: `s${i}`, description: '', sequence: 'A'.repeat(200) }, seq as never);
      await out.finish();
    } catch (e) {
      error = e;
      await out.abort();
    }
    expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringContaining('out.json') });
    expect(readdirSync(tiny).filter((f) => f.startsWith('out.json'))).toEqual([]);
  });
});
