// The committed corpus of malformed inputs (test/fixtures/malformed/) fed to the `plrp` CLI: every
// file must end with exit code 2 and one message naming the file (and the line or record where the
// format says where), never a stack trace, and within seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../unit/cli/cli-helpers';

const DIR = 'test/fixtures/malformed';
const FASTA = 'test/fixtures/lrp/cnn4.fa';
const MODEL = 'test/fixtures/lrp/cnn4.onnx';
const MOTIFS = 'test/fixtures/genomics/motif.meme';
const out = mkdtempSync(join(tmpdir(), 'plrp-malformed-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Case {
  file: string;
  /** argv for the file. */
  argv: (path: string) => string[];
  /** Text the message must contain besides the file name (line, record, reason). */
  mentions?: RegExp;
}

const scanFasta = (p: string) => ['scan', '--fasta', p, '--motifs', MOTIFS];
const scanMotifs = (p: string) => ['scan', '--fasta', FASTA, '--motifs', p];
const explain = (extra: string[]) => ['explain', '--model', MODEL, '--fasta', FASTA, '--out', join(out, 'o.json'), ...extra];
const inspect = (p: string) => ['inspect', '--model', p];

const CASES: Case[] = [
  { file: 'fasta-truncated.fa.gz', argv: scanFasta, mentions: /truncated gzip/ },
  { file: 'fasta-corrupt.fa.gz', argv: scanFasta, mentions: /gzip/ },
  { file: 'fasta-binary.fa', argv: scanFasta, mentions: /binary/ },
  { file: 'fasta-protein.fa', argv: scanFasta, mentions: /line 2/ },
  { file: 'fasta-fastq.fa', argv: scanFasta, mentions: /FASTQ/ },
  { file: 'fasta-no-header.fa', argv: scanFasta, mentions: /line 1/ },
  { file: 'fasta-utf16.fa', argv: scanFasta },
  { file: 'fasta-bzip2.fa', argv: scanFasta, mentions: /bzip2/ },
  { file: 'fasta-empty-file.fa', argv: scanFasta, mentions: /empty|no records|no sequences/i },
  { file: 'fasta-digits.fa', argv: scanFasta, mentions: /line 2/ },
  { file: 'fasta-rna-mixed.fa', argv: scanFasta, mentions: /line 4/ },
  { file: 'fasta-empty-record.fa', argv: (p) => ['explain', '--model', MODEL, '--fasta', p, '--out', join(out, 'e.json')], mentions: /s2/ },
  { file: 'fasta-truncated.fa.gz', argv: (p) => ['explain', '--model', MODEL, '--fasta', p, '--out', join(out, 't.json')], mentions: /truncated gzip/ },
  { file: 'bed-negative.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']), mentions: /line 1/ },
  { file: 'bed-reversed.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']), mentions: /line 2/ },
  { file: 'bed-few-columns.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']), mentions: /line 1/ },
  { file: 'bed-non-integer.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']), mentions: /line 1/ },
  { file: 'bed-nan.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']), mentions: /line 1/ },
  { file: 'bed-binary.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']) },
  { file: 'bed-huge-coordinate.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']), mentions: /line 1/ },
  { file: 'bed-past-end.bed', argv: (p) => explain(['--ground-truth', p, '--metrics', 'rma']), mentions: /line 1.*seq0/ },
  { file: 'meme-wrong-width.meme', argv: scanMotifs, mentions: /:8: .*3 values/ },
  { file: 'meme-nan.meme', argv: scanMotifs, mentions: /:9: 'NaN'/ },
  { file: 'meme-inf.meme', argv: scanMotifs, mentions: /:9: 'Infinity'/ },
  { file: 'meme-w-mismatch.meme', argv: scanMotifs, mentions: /:8: .*'m1'/ },
  { file: 'jaspar-ragged.jaspar', argv: scanMotifs, mentions: /:1: .*'MA0001\.1'/ },
  { file: 'jaspar-nan.jaspar', argv: scanMotifs, mentions: /:2: 'NaN'/ },
  { file: 'jaspar-inf.jaspar', argv: scanMotifs, mentions: /:2: 'Infinity'/ },
  { file: 'jaspar-negative.jaspar', argv: scanMotifs, mentions: /:1: .*'MA0001\.1' position 3/ },
  { file: 'pfm-ragged.pfm', argv: scanMotifs, mentions: /:1: .*'MA0001\.1'/ },
  { file: 'transfac-wrong-width.transfac', argv: scanMotifs, mentions: /:6: .*3 values/ },
  { file: 'transfac-nan.transfac', argv: scanMotifs, mentions: /:6: 'NaN'/ },
  { file: 'motifs-binary.meme', argv: scanMotifs },
  { file: 'config-not-json.json', argv: (p) => explain(['--explain-config', p]), mentions: /JSON/ },
  { file: 'config-not-array.json', argv: (p) => explain(['--explain-config', p]), mentions: /array/ },
  { file: 'config-empty-array.json', argv: (p) => explain(['--explain-config', p]), mentions: /array/ },
  { file: 'config-unknown-composite.json', argv: (p) => explain(['--explain-config', p]), mentions: /entry 0.*composite/ },
  { file: 'config-p-out-of-range.json', argv: (p) => explain(['--explain-config', p]), mentions: /entry 0.*p/ },
  { file: 'config-p-string.json', argv: (p) => explain(['--explain-config', p]), mentions: /entry 0/ },
  { file: 'config-duplicate-ids.json', argv: (p) => explain(['--explain-config', p]), mentions: /'a'/ },
  { file: 'config-negative-epsilon.json', argv: (p) => explain(['--explain-config', p]), mentions: /entry 0.*epsilon/ },
  { file: 'config-binary.json', argv: (p) => explain(['--explain-config', p]) },
  { file: 'config-path-id.json', argv: (p) => explain(['--explain-config', p]), mentions: /entry 0.*id/ },
  { file: 'targets-negative.tsv', argv: (p) => explain(['--target', `@${p}`]), mentions: /:1:/ },
  { file: 'targets-float.tsv', argv: (p) => explain(['--target', `@${p}`]), mentions: /:1:/ },
  { file: 'targets-no-tab.tsv', argv: (p) => explain(['--target', `@${p}`]), mentions: /:1:/ },
  { file: 'targets-missing-index.tsv', argv: (p) => explain(['--target', `@${p}`]), mentions: /:1:/ },
  { file: 'targets-binary.tsv', argv: (p) => explain(['--target', `@${p}`]) },
  { file: 'onnx-truncated.onnx', argv: inspect },
  { file: 'onnx-random.onnx', argv: inspect },
  { file: 'onnx-empty.onnx', argv: inspect },
  { file: 'onnx-text.onnx', argv: inspect },
];

describe('malformed input corpus through the CLI', () => {
  it.each(CASES)('$file is refused with exit code 2 and a message naming it', async ({ file, argv, mentions }) => {
    const path = join(DIR, file);
    const started = performance.now();
    const r = await runCli(argv(path));
    const seconds = (performance.now() - started) / 1000;
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(path);
    if (mentions) expect(r.stderr).toMatch(mentions);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.stderr).not.toMatch(/internal error/);
    // "Within seconds" (issue 8): catches hangs and quadratic parsing, with room for a loaded CI machine.
    expect(seconds).toBeLessThan(30);
  });

  it('leaves no output file behind when the input is refused', async () => {
    const target = join(out, 'never.json');
    const r = await runCli(['explain', '--model', MODEL, '--fasta', join(DIR, 'fasta-empty-record.fa'), '--out', target]);
    expect(r.code).toBe(2);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(out).filter((f) => f.startsWith('never.json'))).toEqual([]);
  });
});
