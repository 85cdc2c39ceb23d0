// Region runs (`plrp runs start --region/--regions`) through the run service, on a real SQLite
// cache and a small genome FASTA indexed on the fly: the run computes the named regions, a resume
// after a cancel computes those same regions whatever became of the files, the exports are in
// genome coordinates as `plrp explain --export` writes them, and the input checksum tells a region
// set apart from the FASTA's records and from another region set.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import { exportRun } from '../../../src-main/services/export-run';
import { exportRunLines } from '../../../src-main/server/api/export-run';
import { runToOutJson } from '../../../src-main/services/report/run-to-out-json';
import { readFastaAll } from '../../../src-main/engine/genomics/fasta';
import type { RunRequest } from '../../../src-main/shared/run-api';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

let t: ReturnType<typeof tempDir>;
let svc: LocalRunService;
let genomePath = '';
let bedPath = '';
/** Chromosome → letters, as the FASTA holds them before any test changes it. */
const genome: Record<string, string> = {};

const request = (over: Partial<RunRequest>): RunRequest => ({
  model: { kind: 'path', path: MODEL },
  fasta: { kind: 'path', path: genomePath },
  explanations: [{ id: 'ep', composite: 'epsilon-plus' }],
  scanMotifs: false,
  ...over,
});

const lines = async (gen: AsyncGenerator<string | Uint8Array>): Promise<string[]> => {
  let text = '';
  for await (const chunk of gen) text += chunk.toString();
  return text.trimEnd().split('\n');
};

beforeAll(async () => {
  t = tempDir();
  genomePath = join(t.dir, 'genome.fa');
  writeRandomFasta(genomePath, 2, 900, 11); // r0, r1
  for (const r of await readFastaAll(genomePath)) genome[r.name] = r.sequence;
  bedPath = join(t.dir, 'peaks.bed');
  writeFileSync(bedPath, 'track name=peaks\nr0\t10\t260\tpeak1\nr1\t300\t500\n');
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1 });
});
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

describe('a region run', () => {
  let runId = '';

  it('computes the regions, named as plrp explain names them, and records that it is a region run', async () => {
    const started = await svc.start(request({ regions: ['r1:101-500'], regionsBed: { kind: 'path', path: bedPath }, scanMotifs: true }));
    runId = started.id;
    const done = await svc.whenSettled(runId);
    expect(done).toMatchObject({ status: 'done', sequenceCount: 3, sequencesDone: 3, regions: { strings: ['r1:101-500'], bedName: 'peaks.bed' } });
    expect(existsSync(`${genomePath}.fai`)).toBe(true);
    const { rows } = await svc.sequences({ runId });
    expect(rows.map((r) => [r.name, r.lengthBp, r.place])).toEqual([
      ['r1:101-500', 400, { chrom: 'r1', startBp: 100 }],
      ['peak1', 250, { chrom: 'r0', startBp: 10 }],
      ['r1:301-500', 200, { chrom: 'r1', startBp: 300 }],
    ]);
    const slice = await svc.trackSlice({ runId, sequenceIndex: 1, explanationId: 'ep', startBp: 0, endBp: 250, bpPerBin: 1 });
    expect(slice.letters).toBe(genome.r0.slice(10, 260));
    // A report (and `plrp report RUN`) describes each record by where it lies, as explain's out.json does.
    expect((await runToOutJson(svc, runId)).sequences.map((s) => s.description)).toEqual(['r1:101-500', 'r0:11-260', 'r1:301-500']);
  });

  it('has its report name its regions and their BED, and label the figures with genome positions', async () => {
    const html = Buffer.from(await svc.report(runId, 'html')).toString('utf8');
    expect(/<h1>(.*?)<\/h1>/.exec(html)![1]).toBe('PLRP report: cnn4.onnx on genome.fa · 3 regions (r1:101-500, peaks.bed)');
    expect(html).toMatch(new RegExp(`<tr><td>regions BED</td><td class="long">${bedPath}</td>`));
    // peak1 is r0:11-260: its figure's axis starts at genome position 11 on r0, not at 0.
    const peak = /<figure data-figure="relevance-peak1-ep">.*?<\/figure>/s.exec(html)![0];
    expect([...peak.matchAll(/text-anchor="middle">([\d,]+)<\/text>/g)].map((m) => m[1]).slice(0, 2)).toEqual(['11', '50']);
    expect(peak.includes('position on r0 (1-based)')).toBe(true);
  });

  it('has its report check the letters at its regions, not the whole FASTA, against the run', async () => {
    const reportText = async () => Buffer.from(await svc.report(runId, 'html')).toString('utf8');
    const fastaRow = (html: string): string => /<tr><td>FASTA<\/td>.*?<\/tr>/s.exec(html)![0];
    // The sha256 shown is the whole file's now, which edits outside the regions change: said beside it.
    expect(fastaRow(await reportText())).toMatch(/file now: this sha256 is of the whole file as it is today \(edits outside the regions change it\), not the run&#39;s input checksum; the letters the run explained at its 3 regions still match \(run input checksum [0-9a-f]{64}/);
    const original = readFileSync(genomePath, 'utf8');
    try {
      // A base outside every region (r0 position 5): the regions are unchanged.
      const lines = original.split('\n');
      const flip = (line: number, col: number) => {
        const ch = lines[line][col];
        lines[line] = lines[line].slice(0, col) + (ch === 'A' ? 'C' : 'A') + lines[line].slice(col + 1);
        writeFileSync(genomePath, lines.join('\n'));
      };
      flip(1, 5);
      expect(await reportText()).toContain('the letters the run explained at its 3 regions still match');
      // A base inside peak1 (r0 position 20): the report says the FASTA changed.
      flip(1, 20);
      expect(await reportText()).toContain('CHANGED since the run: its names or letters differ');
    } finally {
      writeFileSync(genomePath, original);
    }
  });

  it('scores RMA against a ground-truth BED in genome coordinates, and draws it in the region', async () => {
    // Sites on the chromosomes: one inside region r1:101-500 (at r1:151-160), one inside peak1
    // (r0:21-30), one outside every region.
    const truth = join(t.dir, 'sites.bed');
    writeFileSync(truth, 'r1\t150\t160\tsite1\nr0\t20\t30\tsite2\nr0\t700\t720\tfar\n');
    const run = await svc.start(request({ regions: ['r1:101-500'], regionsBed: { kind: 'path', path: bedPath }, groundTruthBed: { kind: 'path', path: truth }, metrics: ['rma'] }));
    await svc.whenSettled(run.id);
    const { rows } = await svc.sequences({ runId: run.id });
    expect(await svc.groundTruth(run.id, 0)).toEqual([{ startBp: 50, endBp: 60, name: 'site1', scored: true }]);
    expect(await svc.groundTruth(run.id, 1)).toEqual([{ startBp: 10, endBp: 20, name: 'site2', scored: true }]);
    expect(await svc.groundTruth(run.id, 2)).toEqual([]);
    expect(rows.map((r) => typeof r.explanations.ep.metrics.rma)).toEqual(['number', 'number', 'undefined']);
  });

  it('exports bedGraph, the sequence table and motif hits in genome coordinates', async () => {
    const out = join(t.dir, 'export');
    await exportRun(svc, runId, out);
    const table = readFileSync(join(out, 'sequences.tsv'), 'utf8').trimEnd().split('\n').map((l) => l.split('\t').slice(0, 5));
    expect(table).toEqual([['index', 'name', 'chrom', 'start', 'end'], ['0', 'r1:101-500', 'r1', '100', '500'], ['1', 'peak1', 'r0', '10', '260'], ['2', 'r1:301-500', 'r1', '300', '500']]);
    const text = readFileSync(join(out, 'ep.bedGraph'), 'utf8');
    // r1:301-500 lies inside r1:101-500: a bedGraph may not overlap, so those bases are averaged.
    expect(text.split('\n')[0]).toContain('2 regions overlap another: where regions overlap, each base\'s value is the mean over the regions covering it');
    const graph = text.trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
    expect(graph).toHaveLength(400 + 250);
    // Chromosomes in byte order (r0 before r1, though the run lists r1 first), as bedGraphToBigWig wants.
    expect(graph[0].slice(0, 3)).toEqual(['r0', '10', '11']);
    expect(graph[250].slice(0, 3)).toEqual(['r1', '100', '101']);
    expect(graph[649].slice(0, 3)).toEqual(['r1', '499', '500']);
    const perBase = async (i: number, lengthBp: number) => (await svc.trackSlice({ runId, sequenceIndex: i, explanationId: 'ep', startBp: 0, endBp: lengthBp, bpPerBin: 1 })).bins.map((b) => b.mean);
    const [wide, inner] = [await perBase(0, 400), await perBase(2, 200)];
    expect(Number(graph[250 + 50][3])).toBeCloseTo(wide[50], 5);
    expect(Number(graph[250 + 250][3])).toBeCloseTo((wide[250] + inner[50]) / 2, 5);
    // The app's exports, the same way.
    // The app's bedGraph of an explanation is the file runs export writes for it: one track.
    expect((await lines(exportRunLines(svc, runId, 'bedgraph', 'ep'))).join('\n')).toBe(text.trimEnd());
    expect((await lines(exportRunLines(svc, runId, 'tsv')))[2].split('\t').slice(0, 5)).toEqual(['1', 'peak1', 'r0', '10', '260']);
    // Hits in FIMO's 1-based coordinates on the chromosome, where the genome holds the matched letters.
    const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
    const hits = (await lines(exportRunLines(svc, runId, 'motifs-tsv'))).slice(1).map((l) => l.split('\t'));
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h[2]))).toEqual(new Set(['r0', 'r1']));
    for (const [, , chrom, start, stop, strand, , , , matched] of hits) {
      const site = genome[chrom].slice(Number(start) - 1, Number(stop));
      expect(strand === '+' ? site : [...site].reverse().map((b) => complement[b]).join('')).toBe(matched);
    }
    // r1:101-500 and r1:301-500 both find the hits on r1:301-500: a line each, as each weights the
    // hit by its own relevance, told apart by the last column, the region, which holds the hit.
    const regions: Record<string, [string, number, number]> = { 'r1:101-500': ['r1', 100, 500], peak1: ['r0', 10, 260], 'r1:301-500': ['r1', 300, 500] };
    expect(new Set(hits.map((h) => h.join('\t'))).size).toBe(hits.length);
    for (const h of hits) {
      const [chrom, start, end] = regions[h.at(-1)!];
      expect([h[2], Number(h[3]) - 1 >= start, Number(h[4]) <= end]).toEqual([chrom, true, true]);
    }
    const places = new Set(hits.map((h) => h.slice(0, 6).join(' ')));
    expect(places.size).toBeLessThan(hits.length);
  });

  it('is a different input from another region set and from the FASTA\'s records; the same regions again come from the cache', async () => {
    const first = await svc.get(runId);
    const again = await svc.start(request({ regions: ['r1:101-500'], regionsBed: { kind: 'path', path: bedPath }, scanMotifs: true }));
    expect(again).toMatchObject({ status: 'done', inputSha256: first.inputSha256, timings: { cachedExplanations: ['ep'] } });
    const other = await svc.start(request({ regions: ['r1:101-500'] }));
    expect((await svc.whenSettled(other.id)).sequenceCount).toBe(1);
    const whole = await svc.start(request({}));
    await svc.whenSettled(whole.id);
    expect(new Set([first.inputSha256, other.inputSha256, whole.inputSha256]).size).toBe(3);
    expect(whole.regions).toBeNull();
    // Even the region that is a whole record, with the same name and letters: its files are in
    // genome coordinates, so it is not the same input as the record of a FASTA.
    const one = join(t.dir, 'one.fa');
    writeRandomFasta(one, 1, 300, 5);
    const record = await svc.start(request({ fasta: { kind: 'path', path: one } }));
    const region = await svc.start(request({ fasta: { kind: 'path', path: one }, regions: ['r0'] }));
    const [a, b] = [await svc.whenSettled(record.id), await svc.whenSettled(region.id)];
    expect((await svc.sequences({ runId: b.id })).rows.map((r) => [r.name, r.lengthBp])).toEqual([['r0', 300]]);
    expect(a.inputSha256).not.toBe(b.inputSha256);
    expect(b.timings.cachedExplanations).toEqual([]);
  });

  it('refuses regions it cannot read before any run exists, as plrp explain words it', async () => {
    const before = (await svc.list()).length;
    await expect(svc.start(request({ regions: ['chrZ:1-10'] }))).rejects.toThrow("region 'chrZ:1-10': no sequence named 'chrZ' in the FASTA index");
    await expect(svc.start(request({ regions: ['r0:800-901'] }))).rejects.toThrow("r0:800-901: extends past the end of 'r0' (length 900 bp)");
    const twice = join(t.dir, 'twice.bed');
    writeFileSync(twice, 'r0\t0\t10\tsame\nr1\t0\t10\tsame\n');
    await expect(svc.start(request({ regionsBed: { kind: 'path', path: twice } }))).rejects.toThrow(`${twice}:2: region name "same" is given twice (also ${twice}:1)`);
    // The same --region twice is not a BED naming problem: the hint says what to do instead.
    await expect(svc.start(request({ regions: ['r0:1-10', 'r0:1-10'] }))).rejects.toThrow('results are looked up by name: the same region is given twice; give it once');
    expect((await svc.list()).length).toBe(before);
  });
});

describe('a cancelled region run', () => {
  it('resumes the regions it started with, though the FASTA and BED changed since', async () => {
    const batch = 64;
    const small = new LocalRunService({ cachePath: join(t.dir, 'cancel.sqlite'), threads: 1, batchSequences: batch });
    const chrom = join(t.dir, 'chrom.fa');
    writeRandomFasta(chrom, 1, 20_000, 3);
    const [{ sequence: before }] = await readFastaAll(chrom);
    const bed = join(t.dir, 'many.bed');
    const total = 5 * batch;
    const starts = Array.from({ length: total }, (_, i) => i * 60);
    writeFileSync(bed, starts.map((s, i) => `r0\t${s}\t${s + 200}\tp${i}\n`).join(''));
    let cancelled = false;
    const off = small.on('progress', (p) => {
      if (!cancelled && p.done > 0) {
        cancelled = true;
        void small.cancel(p.runId);
      }
    });
    const run = await small.start(request({ fasta: { kind: 'path', path: chrom }, regionsBed: { kind: 'path', path: bed } }));
    const stopped = await small.whenSettled(run.id);
    off();
    expect(stopped.status).toBe('cancelled');
    expect(stopped.sequencesDone).toBeLessThan(total);
    // Other letters and other regions on disk now: the run still computes what it was started on.
    writeRandomFasta(chrom, 1, 20_000, 4);
    rmSync(`${chrom}.fai`);
    writeFileSync(bed, 'r0\t0\t10\tother\n');
    await small.resume(run.id);
    const done = await small.whenSettled(run.id);
    expect(done).toMatchObject({ status: 'done', sequencesDone: total, inputSha256: run.inputSha256, regions: { strings: [], bedName: 'many.bed' } });
    const { rows } = await small.sequences({ runId: run.id, limit: total });
    expect(rows.map((r) => r.name)).toEqual(starts.map((_, i) => `p${i}`));
    expect(rows.map((r) => r.place!.startBp)).toEqual(starts);
    const last = await small.trackSlice({ runId: run.id, sequenceIndex: total - 1, explanationId: 'ep', startBp: 0, endBp: 200, bpPerBin: 1 });
    expect(last.letters).toBe(before.slice(starts.at(-1), starts.at(-1)! + 200));
    await small.close();
  });
});
