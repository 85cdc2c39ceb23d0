// Shards of a region run (`plrp explain --regions` on parts of a BED) merged by `plrp runs import`:
// the merge must equal one `plrp explain` over all the regions (relevance, summary, seqlets, motif
// hits and ranking), keep the regions as places on the genome (not FASTA records), and import as
// a region run that the single run's out.json is the same content as.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutJson } from '../../../src-main/engine/report/out-json';
import { LocalRunService } from '../../../src-main/services/run-service';
import { FIXTURE_DIR, relativeL2 } from '../../unit/engine/lrp/fixture-helpers';
import { runCli } from '../../unit/cli/cli-helpers';

const MODEL = join(FIXTURE_DIR, 'cnn4.onnx');
// No --metrics: a metric's seed is derived from the sequence's index in its run, which differs
// between a shard and the whole run, so the documents would differ there (as FASTA shards' do).
const ARGS = ['--method', 'plrp-lambda', '--p', '0.3', '--motifs', 'bundled', '--threads', '1'];

let dir = '';
const path = (name: string): string => join(dir, name);
const json = (name: string): OutJson & Record<string, unknown> => JSON.parse(readFileSync(path(name), 'utf8')) as OutJson & Record<string, unknown>;

async function explain(bed: string, out: string): Promise<void> {
  const r = await runCli(['explain', '--model', MODEL, '--fasta', path('genome.fa'), '--regions', path(bed), '--out', path(out), ...ARGS]);
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plrp-import-regions-'));
  const letters = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => 'ACGT'[(i * 7 + seed * 13 + ((i * i) % 5) + ((i >> 3) % 3)) % 4]).join('');
  // GATA sites, so the bundled motifs find hits to merge.
  const chrA = `${letters(300, 1)}AGATAAGG${letters(400, 2)}TTATCTCA${letters(300, 3)}`;
  const chrB = `${letters(250, 4)}CAGATAAG${letters(500, 5)}`;
  writeFileSync(path('genome.fa'), `>chrA\n${chrA.match(/.{1,60}/g)!.join('\n')}\n>chrB\n${chrB.match(/.{1,60}/g)!.join('\n')}\n`);
  const lines = ['chrB\t200\t400\tpeakB1', 'chrA\t250\t450', 'chrA\t650\t850\tpeakA2', 'chrB\t500\t700'];
  writeFileSync(path('all.bed'), lines.map((l) => `${l}\n`).join(''));
  writeFileSync(path('part0.bed'), lines.slice(0, 2).map((l) => `${l}\n`).join(''));
  writeFileSync(path('part1.bed'), lines.slice(2).map((l) => `${l}\n`).join(''));
  await explain('all.bed', 'single.json');
  await explain('part0.bed', 'r0.json');
  await explain('part1.bed', 'r1.json');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('plrp runs import: merging shards of a region run', () => {
  it('merges two shards into what one run over all the regions writes, regions kept as places on the genome', async () => {
    const r = await runCli(['runs', 'import', path('r0.json'), path('r1.json'), '--fasta', path('genome.fa'), '--regions', path('all.bed'), '--write-merged', path('merged.json'), '--no-store']);
    expect(r.code, r.stderr).toBe(0);
    const single = json('single.json');
    const merged = json('merged.json');
    expect(Object.keys(merged)).toEqual(Object.keys(single));
    expect(merged.regions).toEqual(single.regions);
    expect(merged.sequences.map((s) => [s.name, s.description, s.length])).toEqual(single.sequences.map((s) => [s.name, s.description, s.length]));
    expect(merged.sequences.map((s) => s.name)).toEqual(['peakB1', 'chrA:251-450', 'peakA2', 'chrB:501-700']);
    const id = single.explanations[0].id;
    // Tolerance: out.json prints float32 values exactly; any difference would be a merge bug.
    for (let i = 0; i < single.sequences.length; i++) expect(relativeL2(merged.sequences[i].relevance[id].flat(), single.sequences[i].relevance[id].flat())).toBeLessThan(1e-6);
    expect((single.motifs as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    expect(merged.motifs).toEqual(single.motifs);
    expect(merged.seqlets).toEqual(single.seqlets);
  });

  it('imports the merge as a region run, the same content as the single run', async () => {
    const cache = path('regions.sqlite');
    const imported = await runCli(['runs', 'import', path('merged.json'), '--fasta', path('genome.fa'), '--cache', cache]);
    expect(imported.code, imported.stderr).toBe(0);
    const runId = imported.stdout.trim();
    const svc = new LocalRunService({ cachePath: cache });
    try {
      const run = await svc.get(runId);
      expect(run.regions).toEqual({ strings: [], bedName: 'all.bed' });
      const { rows } = await svc.sequences({ runId, offset: 0, limit: 10 });
      expect(rows.map((s) => [s.name, s.place])).toEqual([
        ['peakB1', { chrom: 'chrB', startBp: 200 }], ['chrA:251-450', { chrom: 'chrA', startBp: 250 }],
        ['peakA2', { chrom: 'chrA', startBp: 650 }], ['chrB:501-700', { chrom: 'chrB', startBp: 500 }],
      ]);
    } finally {
      await svc.close();
    }
    const single = await runCli(['runs', 'import', path('single.json'), '--cache', cache]);
    expect(single.stdout.trim()).toBe(runId);
    expect(single.stderr).toContain(`already holds ${path('single.json')} as run ${runId}`);
  });

  it('refuses a regions BED that is not the shards\' regions, naming what is missing, extra or moved', async () => {
    const merge = (files: string[], bed: string) => runCli(['runs', 'import', ...files.map(path), '--fasta', path('genome.fa'), '--regions', path(bed), '--write-merged', path('x.json'), '--no-store']);
    const missing = await merge(['r0.json'], 'all.bed');
    expect([missing.code, missing.stderr]).toEqual([2, `plrp: the regions BED ${path('all.bed')} is not the regions the shards explain: 2 of its regions are in no shard (peakA2, chrB:501-700). Pass the BED of the whole run, the one its shards were cut from\n`]);
    const extra = await merge(['r0.json', 'r1.json'], 'part0.bed');
    expect(extra.stderr).toContain(`the shards explain 2 BED regions it does not list (peakA2, chrB:501-700)`);
    writeFileSync(path('moved.bed'), 'chrB\t300\t500\tpeakB1\nchrA\t250\t450\nchrA\t650\t850\tpeakA2\nchrB\t500\t700\n');
    const moved = await merge(['r0.json', 'r1.json'], 'moved.bed');
    expect(moved.stderr).toContain(`peakB1 is chrB:201-400 in ${path('r0.json')} (${path('part0.bed')}), chrB:301-500 in the BED`);
  });

  it('refuses shards that give one region twice in other words: typed with commas and without, or typed and as a BED line', async () => {
    const typed = async (region: string, out: string): Promise<void> => {
      const r = await runCli(['explain', '--model', MODEL, '--fasta', path('genome.fa'), '--region', region, '--out', path(out), ...ARGS]);
      expect(r.code, r.stderr).toBe(0);
    };
    await typed('chrA:801-1,000', 'commas.json');
    await typed('chrA:801-1000', 'plain.json');
    await typed('chrB:201-400', 'typedB1.json');
    const merge = (files: string[]) => runCli(['runs', 'import', ...files.map(path), '--fasta', path('genome.fa'), '--write-merged', path('x.json'), '--no-store']);
    const spelled = await merge(['commas.json', 'plain.json']);
    expect([spelled.code, spelled.stderr]).toEqual([2, expect.stringContaining(`${path('plain.json')} (--region chrA:801-1000): region chrA:801-1000 is the same place as region chrA:801-1,000`)]);
    const asBed = await merge(['typedB1.json', 'r0.json']);
    expect([asBed.code, asBed.stderr]).toEqual([2, expect.stringContaining(`${path('r0.json')} (${path('part0.bed')}): region peakB1 is the same place as region chrB:201-400`)]);
  });

  it('asks for the regions BED of the whole run when the shards name different ones, and refuses to mix regions with records', async () => {
    const differ = await runCli(['runs', 'import', path('r0.json'), path('r1.json'), '--fasta', path('genome.fa'), '--write-merged', path('x.json'), '--no-store']);
    expect(differ.code).toBe(2);
    expect(differ.stderr).toContain(`the shards explain the regions of different BED files (${path('part0.bed')}, ${path('part1.bed')}): pass the regions BED of the whole run (with plrp runs import: --regions R.bed)`);
    writeFileSync(path('records.fa'), '>chrA:1-10\nACGTACGTAC\n');
    const records = await runCli(['explain', '--model', MODEL, '--fasta', path('records.fa'), '--out', path('records.json'), ...ARGS]);
    expect(records.code, records.stderr).toBe(0);
    const mixed = await runCli(['runs', 'import', path('r0.json'), path('records.json'), '--fasta', path('genome.fa'), '--regions', path('all.bed'), '--write-merged', path('x.json'), '--no-store']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain(`${path('records.json')}: explains the records of a FASTA, the first file regions of a genome (plrp explain --region/--regions); only shards of one run can be merged`);
  });
});
