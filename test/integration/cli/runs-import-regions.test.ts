// An out.json of `plrp explain --regions/--region` (regions cut from an indexed genome FASTA):
// it records which regions it explained, `plrp runs import` stores it as a region run (its
// regions placed on the genome, as `plrp runs start --regions` stores them), and `plrp report
// --from` draws the letters of the regions, not records the FASTA does not have.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutJson } from '../../../src-main/engine/report/out-json';
import { buildReportHtml } from '../../../src-main/engine/report/report-html';
import { collectReportInput } from '../../../src-main/services/report/collect-report-input';
import { LocalRunService } from '../../../src-main/services/run-service';
import { readFastaAll } from '../../../src-main/engine/genomics/fasta';
import { MODEL, tempDir, writeRandomFasta } from '../services/service-fixtures';
import { runCli } from '../../unit/cli/cli-helpers';

let t: ReturnType<typeof tempDir>;
const path = (name: string): string => join(t.dir, name);
const genome: Record<string, string> = {};

beforeAll(async () => {
  t = tempDir();
  writeRandomFasta(path('genome.fa'), 2, 900, 5); // r0, r1
  for (const r of await readFastaAll(path('genome.fa'))) genome[r.name] = r.sequence;
  writeFileSync(path('peaks.bed'), 'r0\t10\t210\tpeak1\nr1\t600\t800\n');
  writeFileSync(path('sites.bed'), 'r1\t150\t160\tsite1\nr0\t700\t720\tfar\n');
  const r = await runCli(['explain', '--model', MODEL, '--fasta', path('genome.fa'), '--region', 'r1:101-300', '--regions', path('peaks.bed'),
    '--ground-truth', path('sites.bed'), '--metrics', 'rma,gini', '--threads', '1', '--out', path('reg.json')]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => t.cleanup());

describe('a region out.json', () => {
  it('records the regions it explained; each sequence\'s description is its locus', () => {
    const doc = JSON.parse(readFileSync(path('reg.json'), 'utf8')) as { regions: unknown; sequences: { name: string; description: string }[] };
    expect(doc.regions).toEqual({ strings: ['r1:101-300'], bed: path('peaks.bed') });
    expect(doc.sequences.map((s) => [s.name, s.description])).toEqual([['r1:101-300', 'r1:101-300'], ['peak1', 'r0:11-210'], ['r1:601-800', 'r1:601-800']]);
  });

  it('is imported as a region run: its regions recorded and placed on the genome, and runs show lists ground truth and metrics', async () => {
    const cache = path('import.sqlite');
    const r = await runCli(['runs', 'import', path('reg.json'), '--cache', cache]);
    expect(r.code, r.stderr).toBe(0);
    const runId = r.stdout.trim();
    const svc = new LocalRunService({ cachePath: cache });
    try {
      const run = await svc.get(runId);
      expect(run).toMatchObject({ status: 'done', sequenceCount: 3, regions: { strings: ['r1:101-300'], bedName: 'peaks.bed' }, groundTruthScoring: 'all' });
      const { rows } = await svc.sequences({ runId });
      expect(rows.map((s) => [s.name, s.place])).toEqual([['r1:101-300', { chrom: 'r1', startBp: 100 }], ['peak1', { chrom: 'r0', startBp: 10 }], ['r1:601-800', { chrom: 'r1', startBp: 600 }]]);
      const slice = await svc.trackSlice({ runId, sequenceIndex: 1, explanationId: 'lrp', startBp: 0, endBp: 200, bpPerBin: 1 });
      expect(slice.letters).toBe(genome.r0.slice(10, 210));
    } finally {
      await svc.close();
    }
    const show = await runCli(['runs', 'show', runId, '--cache', cache]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`ground truth: ${path('sites.bed')} (RMA and RRA count every region, whatever output is explained)`);
    expect(show.stdout).toMatch(/metrics: rma, gini .*\n {4}lrp: gini [\d.]+ \(n 3\), rma [\d.]+ \(n 1\)/);
    expect(show.stdout).toMatch(/\tr1:101-300\t200 bp\ttarget \d\tlogit [-\d.]+\tlrp=[-\d.e]+ \[gini [\d.]+ rma [\d.]+\]/);
  });

  it('written before explain recorded its regions, is still imported as a region run, from its loci', async () => {
    const doc = JSON.parse(readFileSync(path('reg.json'), 'utf8')) as Record<string, unknown>;
    delete doc.regions;
    writeFileSync(path('old.json'), JSON.stringify(doc));
    const cache = path('old.sqlite');
    const r = await runCli(['runs', 'import', path('old.json'), '--cache', cache]);
    expect(r.code, r.stderr).toBe(0);
    const svc = new LocalRunService({ cachePath: cache });
    try {
      const run = await svc.get(r.stdout.trim());
      expect(run.regions).toEqual({ strings: ['r1:101-300', 'r0:11-210', 'r1:601-800'], bedName: null });
      expect((await svc.sequences({ runId: run.id })).rows.map((s) => s.place?.startBp)).toEqual([100, 10, 600]);
    } finally {
      await svc.close();
    }
  });

  it('reports the letters of its regions, names them in the title and inputs, and labels the axes with genome positions', async () => {
    const doc = await readOutJson(path('reg.json'));
    const input = await collectReportInput(doc, { source: { outJson: path('reg.json') } });
    expect([...input.letters!]).toEqual([['r1:101-300', genome.r1.slice(100, 300)], ['peak1', genome.r0.slice(10, 210)], ['r1:601-800', genome.r1.slice(600, 800)]]);
    const { html, figures } = buildReportHtml(input);
    expect(input.title).toBe('PLRP report: cnn4.onnx on genome.fa · 3 regions (r1:101-300, peaks.bed)');
    expect(html).toMatch(/<tr><td>regions BED<\/td><td class="long">[^<]*peaks\.bed<\/td>/);
    expect(/<tr><td>FASTA<\/td>.*?<\/tr>/s.exec(html)![0]).toContain('the figures draw the letters of the file as it is now at the run&#39;s 3 regions');
    // peak1 is r0:11-210: its axis reads 11 at its first base, then round genome positions, on r0.
    const peak = figures.get('relevance-peak1-lrp')!;
    const ticks = [...peak.matchAll(/text-anchor="middle">([\d,]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks[0]).toBe('11');
    expect(ticks).toContain('200');
    expect(ticks).not.toContain('0');
    expect(peak.includes('position on r0 (1-based)')).toBe(true);
    // Observed-base relevance of real letters, not an empty plot of N.
    expect(/font-size="100" font-weight="bold" fill="[^"]+">[ACGT]<\/text>/.test(peak)).toBe(true);
    // The ground truth of the region r1:101-300 (site1 at r1:151-160, i.e. 50–60 in the region).
    expect([...figures.values()][0].includes('<title>ground truth site1 50–60</title>')).toBe(true);
  });
});
