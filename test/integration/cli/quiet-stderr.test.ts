// What a user sees on the terminal: `plrp explain` as a real process (ONNX Runtime writes its
// warnings straight to file descriptor 2, which in-process capture misses). A PLRP run on a
// shipped model must print no ONNX Runtime warnings, only the tool's own lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

describe('plrp piped into a reader that stops early', () => {
  it('ends quietly when the reader goes away (plrp scan | head), as cat or grep do', () => {
    // Enough hits that the output outgrows the pipe's buffer after head has exited.
    const fasta = join(dir, 'scan.fa');
    const letters = Array.from({ length: 20_000 }, (_, i) => 'ACGT'[(i * 7 + ((i * i) % 11)) % 4]).join('');
    writeFileSync(fasta, `>s\n${letters}\n`);
    const r = spawnSync('bash', ['-c', `node ${join(ROOT, 'bin/plrp.mjs')} scan --fasta ${fasta} --pvalue 0.01 | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  }, 60_000);
});
