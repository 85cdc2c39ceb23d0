// What a user sees on the terminal: `plrp explain` as a real process (ONNX Runtime writes its
// warnings straight to file descriptor 2, which in-process capture misses). A PLRP run on a
// shipped model must print no ONNX Runtime warnings, only the tool's own lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'plrp-quiet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plrp explain on the terminal', () => {
  it('prints no ONNX Runtime warnings for a PLRP run of a shipped model', () => {
    const r = spawnSync('node', [join(ROOT, 'bin/plrp.mjs'), 'explain', '--model', join(ROOT, 'resources/models/deep-multitask.onnx'),
      '--fasta', join(ROOT, 'resources/demo/multitask.fa'), '--method', 'plrp-lambda', '--p', '0.3', '--out', join(dir, 'out.json')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/onnxruntime/);
  }, 60_000);
});
