// `plrp runs start` checks its inputs as `plrp explain` does, before a run exists, and prints the
// warnings its sequences got, so computing into the cache tells the user as much as explain does.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../engine/lrp/fixture-helpers';
import { runCli } from './cli-helpers';
import { LocalRunService } from '../../../src-main/services/run-service';
import { exportRunLines } from '../../../src-main/server/api/export-run';

const dir = mkdtempSync(join(tmpdir(), 'plrp-runs-start-'));
const cnn4 = join(FIXTURE_DIR, 'cnn4.onnx');

describe('plrp runs start', () => {
  it('refuses a model it cannot read before any run exists', async () => {
    const cache = join(dir, 'junk.sqlite');
    const junk = join(dir, 'junk.onnx');
    writeFileSync(junk, 'not a model');
    const fasta = join(dir, 'one.fa');
    writeFileSync(fasta, `>a\n${'ACGT'.repeat(50)}\n`);
    const r = await runCli(['runs', 'start', '--model', junk, '--fasta', fasta, '--cache', cache]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('junk.onnx');
    const list = await runCli(['runs', 'list', '--cache', cache]);
    expect([list.stdout, list.stderr]).toEqual(['', `plrp: no run cache at ${cache}\n`]);
  });

  it('prints the warnings its sequences got, and those about its ground truth and metrics', async () => {
    const cache = join(dir, 'warn.sqlite');
    const fasta = join(dir, 'short.fa');
    writeFileSync(fasta, `>short1\nACGTACGTAC\n>full\n${'ACGT'.repeat(50)}\n`);
    const bed = join(dir, 'other.bed');
    writeFileSync(bed, 'chr9\t1\t5\n');
    const r = await runCli(['runs', 'start', '--model', cnn4, '--fasta', fasta, '--metrics', 'all', '--motifs', 'none', '--cache', cache]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('plrp: warning: rma and rra need --ground-truth');
    expect(r.stderr).toMatch(/plrp: warning: .*short1/);
    expect(r.stderr).not.toMatch(/plrp: warning: .*"full"/);
    const unmatched = await runCli(['runs', 'start', '--model', cnn4, '--fasta', fasta, '--ground-truth', bed, '--metrics', 'rma', '--motifs', 'none', '--cache', cache]);
    expect(unmatched.code, unmatched.stderr).toBe(0);
    expect(unmatched.stderr).toContain(`${bed} names no sequence of this run (it names "chr9")`);
  });

  it('points past the first 10 warnings to where a command-line user finds them all: runs show (⚠, --warnings), sequences.tsv and the app\'s TSV', async () => {
    const cache = join(dir, 'many-warnings.sqlite');
    const fasta = join(dir, 'many-short.fa');
    writeFileSync(fasta, `${Array.from({ length: 13 }, (_, i) => `>short${i}\nACGTACGTAC\n`).join('')}>full\n${'ACGT'.repeat(50)}\n`);
    const r = await runCli(['runs', 'start', '--model', cnn4, '--fasta', fasta, '--motifs', 'none', '--cache', cache]);
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    expect(r.stderr).toContain(`plrp: warning: 3 more warnings not shown; every warning is in \`plrp runs show ${id} --cache ${cache} --warnings\`, the warnings column of \`plrp runs export\`'s sequences.tsv and the app's sequence table (⚠)\n`);
    const show = await runCli(['runs', 'show', id, '--cache', cache]);
    expect(show.stdout).toContain(`  ⚠ 13 sequences have warnings: results may mislead (their warnings follow ⚠ on their lines; plrp runs show ${id} --warnings lists every one)\n`);
    const line = (name: string) => show.stdout.split('\n').find((l) => l.split('\t')[1] === name)!;
    expect(line('short12')).toMatch(/\t⚠ .*short12.*10 bp/);
    expect(line('full')).not.toContain('⚠');
    const listed = await runCli(['runs', 'show', id, '--cache', cache, '--warnings']);
    const rows = listed.stdout.trimEnd().split('\n').slice(1);
    expect(rows[0]).toBe('  13 of the 14 computed sequences have warnings:');
    expect(rows.slice(1).map((l) => l.trim().split('\t').slice(0, 2).join(' '))).toEqual(Array.from({ length: 13 }, (_, i) => `${i} short${i}`));
    const out = join(dir, 'many-warnings-export');
    expect((await runCli(['runs', 'export', id, '--cache', cache, '--out', out])).code).toBe(0);
    // Not trimmed: the last row ends in its empty warnings cell.
    const table = readFileSync(join(out, 'sequences.tsv'), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(table[0].at(-1)).toBe('warnings');
    expect(table[13].at(-1)).toMatch(/short12.*10 bp/);
    expect(table[14].at(-1)).toBe('');
    // The app's Table (TSV): the same column.
    const svc = new LocalRunService({ cachePath: cache });
    try {
      let tsv = '';
      for await (const chunk of exportRunLines(svc, id, 'tsv')) tsv += chunk as string;
      const app = tsv.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
      expect([app[0].at(-1), app[13].at(-1), app[14].at(-1)]).toEqual(['warnings', table[13].at(-1), '']);
    } finally {
      await svc.close();
    }
  });

  it('says a tiled record\'s logit and output are window means, in runs show and predict, and records the model\'s input length with the run', async () => {
    const cache = join(dir, 'tiled.sqlite');
    const fasta = join(dir, 'tiled.fa');
    writeFileSync(fasta, `>long\n${'ACGGTCAT'.repeat(125)}\n>one\n${'ACGT'.repeat(50)}\n`);
    const r = await runCli(['runs', 'start', '--model', cnn4, '--fasta', fasta, '--motifs', 'none', '--cache', cache]);
    expect(r.code, r.stderr).toBe(0);
    const show = await runCli(['runs', 'show', r.stdout.trim(), '--cache', cache]);
    const line = (name: string) => show.stdout.split('\n').find((l) => l.split('\t')[1] === name)!;
    expect(line('long')).toMatch(/\tlogit [-\d.e]+ \(mean over its model windows; Σ R sums over the record\)\t/);
    expect(line('one')).not.toContain('mean over');
    // Also for a run served whole from the cache, which never opens the model for inference.
    const again = await runCli(['runs', 'start', '--model', cnn4, '--fasta', fasta, '--motifs', 'none', '--label', 'again', '--cache', cache]);
    expect(again.code, again.stderr).toBe(0);
    const svc = new LocalRunService({ cachePath: cache });
    try {
      expect((await svc.get(r.stdout.trim())).modelLengthBp).toBe(200);
      expect((await svc.get(again.stdout.trim())).timings.cachedExplanations).toEqual(['lrp']);
      expect((await svc.get(again.stdout.trim())).modelLengthBp).toBe(200);
    } finally {
      await svc.close();
    }
    const predict = await runCli(['predict', '--model', cnn4, '--fasta', fasta, '--out', join(dir, 'tiled.tsv')]);
    expect(predict.code, predict.stderr).toBe(0);
    expect(predict.stderr).toContain('plrp: note: 1 record is longer than the model\'s 200-bp input and tiled into windows (stride 100 bp): each output_k and logit_k is the mean over the windows');
  });

  it('explains regions of an indexed FASTA: list and show say so, export writes genome coordinates, bad regions leave no run', async () => {
    const cache = join(dir, 'regions.sqlite');
    const genome = join(dir, 'genome.fa');
    const letters = 'ACGGTCAT'.repeat(100);
    writeFileSync(genome, `>chr1\n${letters.match(/.{1,60}/g)!.join('\n')}\n`);
    const bed = join(dir, 'peaks.bed');
    writeFileSync(bed, 'chr1\t500\t700\tpeak1\n');
    const past = await runCli(['runs', 'start', '--model', cnn4, '--fasta', genome, '--region', 'chr1:700-900', '--cache', cache]);
    expect(past.code).toBe(2);
    expect(past.stderr).toBe("plrp: chr1:700-900: extends past the end of 'chr1' (length 800 bp)\n");
    const twice = await runCli(['runs', 'start', '--model', cnn4, '--fasta', genome, '--region', 'chr1:501-700', '--regions', bed, '--cache', cache]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(`plrp: ${bed}:1: region peak1 is the same place as --region chr1:501-700 (chr1:501-700): each region is one sequence of the run; give it once\n`);
    const r = await runCli(['runs', 'start', '--model', cnn4, '--fasta', genome, '--region', 'chr1:101-300', '--regions', bed, '--motifs', 'none', '--cache', cache]);
    expect(r.code, r.stderr).toBe(0);
    const id = r.stdout.trim();
    const list = await runCli(['runs', 'list', '--cache', cache]);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);
    expect(list.stdout.split('\t')[4]).toBe('genome.fa (regions chr1:101-300, peaks.bed)');
    const show = await runCli(['runs', 'show', id, '--cache', cache]);
    expect(show.stdout).toContain('  regions of genome.fa: chr1:101-300, BED peaks.bed\n');
    expect(show.stdout).toMatch(/\n {2}1\tpeak1\t200 bp\t/);
    const out = join(dir, 'regions-export');
    expect((await runCli(['runs', 'export', id, '--cache', cache, '--out', out])).code).toBe(0);
    const graph = readFileSync(join(out, 'lrp.bedGraph'), 'utf8').trimEnd().split('\n');
    expect([graph[1], graph[graph.length - 1]].map((l) => l.split('\t').slice(0, 3))).toEqual([['chr1', '100', '101'], ['chr1', '699', '700']]);
    // Ground truth of a region run may be in genome coordinates: the warning says so.
    const other = join(dir, 'other-chrom.bed');
    writeFileSync(other, 'chr9\t1\t5\n');
    const unmatched = await runCli(['runs', 'start', '--model', cnn4, '--fasta', genome, '--region', 'chr1:101-300', '--ground-truth', other, '--metrics', 'rma', '--motifs', 'none', '--cache', cache]);
    expect(unmatched.code, unmatched.stderr).toBe(0);
    expect(unmatched.stderr).toContain(`${other} names no sequence of this run (it names "chr9"); rma and rra are empty. The first column must be a chromosome of the regions (genome coordinates) or a region's name.`);
  });
});
