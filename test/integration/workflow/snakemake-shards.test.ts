// The scale-out workflow end to end with Debian's snakemake: the cnn4 fixture FASTA in two shards,
// each through `plrp explain`, merged and imported into a run cache — and the result must equal a
// single `plrp explain` over the whole file, motif hits and ranking included. Tolerance: relative
// L2 < 1e-6; out.json holds float32 values printed exactly, so any difference would be a merge or
// import bug, not rounding.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunCache } from '../../../src-main/services/cache/run-cache';
import { relativeL2 } from '../../unit/engine/lrp/fixture-helpers';

const ROOT = resolve(__dirname, '../../..');
const PLRP = join(ROOT, 'bin/plrp.mjs');
const FASTA = join(ROOT, 'test/fixtures/lrp/cnn4.fa');
const MODEL = join(ROOT, 'test/fixtures/lrp/cnn4.onnx');
const ARGS = ['--method', 'plrp-lambda', '--p', '0.3', '--metrics', 'gini,entropy', '--motifs', 'bundled'];
const hasSnakemake = spawnSync('snakemake', ['--version']).status === 0;
if (!hasSnakemake) console.warn('SKIPPED workflow test: `snakemake` is not on PATH (Debian: apt-get install snakemake)');

interface Doc { sequences: { name: string; relevance: Record<string, number[][]> }[]; summary?: unknown; seqlets?: unknown; motifs?: { hits: unknown[] } }

describe.skipIf(!hasSnakemake)('workflow/Snakefile on two shards', () => {
  let dir = '';
  let single: Doc;
  let merged: Doc;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plrp-wf-'));
    writeFileSync(join(dir, 'config.yaml'), [
      `fasta: ${FASTA}`, `model: ${MODEL}`, 'shards: 2', `outdir: ${join(dir, 'out')}`,
      `plrp: node ${PLRP}`, `explain_args: "${ARGS.join(' ')}"`, 'threads: 1', `cache: ${join(dir, 'cache.db')}`, '',
    ].join('\n'));
    execFileSync('snakemake', ['-s', join(ROOT, 'workflow/Snakefile'), '--configfile', join(dir, 'config.yaml'), '--cores', '2', '-q'], { cwd: dir, stdio: 'pipe' });
    execFileSync('node', [PLRP, 'explain', '--model', MODEL, '--fasta', FASTA, '--out', join(dir, 'single.json'), '--threads', '1', ...ARGS], { stdio: 'pipe' });
    single = JSON.parse(readFileSync(join(dir, 'single.json'), 'utf8')) as Doc;
    merged = JSON.parse(readFileSync(join(dir, 'out/merged.json'), 'utf8')) as Doc;
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('cuts the FASTA into two shards that together hold every record once', () => {
    const names = (p: string): string[] => readFileSync(p, 'utf8').split('\n').filter((l) => l.startsWith('>'));
    const shards = [0, 1].map((i) => names(join(dir, `out/shards/shard-000${i}.fa`)));
    expect(shards.every((s) => s.length > 0)).toBe(true);
    expect(shards.flat()).toEqual(names(FASTA));
  });

  it('merges into the relevance, metric summary, seqlets, motif hits and motif ranking of a single-process run', () => {
    expect(merged.sequences.map((s) => s.name)).toEqual(single.sequences.map((s) => s.name));
    for (let i = 0; i < single.sequences.length; i++) {
      for (const [id, rows] of Object.entries(single.sequences[i].relevance)) {
        expect(relativeL2(merged.sequences[i].relevance[id].flat(), rows.flat())).toBeLessThan(1e-6);
      }
    }
    expect(merged.summary).toEqual(single.summary);
    expect(merged.seqlets).toEqual(single.seqlets);
    expect(single.motifs?.hits.length).toBeGreaterThan(0);
    expect(merged.motifs).toEqual(single.motifs);
  });

  it('imports the merged run into the cache, where runs list shows it and its relevance equals the single run', () => {
    const runId = readFileSync(join(dir, 'out/imported-run-id.txt'), 'utf8').trim();
    const listed = execFileSync('node', [PLRP, 'runs', 'list', '--cache', join(dir, 'cache.db')], { encoding: 'utf8' });
    expect(listed).toContain(`${runId}\tdone`);
    expect(listed).toContain('4/4');
    const cache = new RunCache(join(dir, 'cache.db'));
    try {
      const [expl] = cache.runExplanations(runId);
      for (let i = 0; i < single.sequences.length; i++) {
        const stored = cache.readResult(expl.explKey, i)!;
        expect(relativeL2(stored.relevance, single.sequences[i].relevance[expl.explId].flat())).toBeLessThan(1e-6);
      }
    } finally {
      cache.close();
    }
  });
});

// No metrics: a metric's seed comes from the sequence's index in its run, which a shard changes.
const REGION_ARGS = ARGS.filter((a) => a !== '--metrics' && a !== 'gini,entropy');

describe.skipIf(!hasSnakemake)('workflow/Snakefile on two shards of a regions BED', () => {
  let dir = '';
  let single: Doc & { regions?: unknown };
  let merged: Doc & { regions?: unknown };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plrp-wf-regions-'));
    // The fixture's records as a genome: regions of them, given by a BED, the way a peak set is.
    const bed = join(dir, 'peaks.bed');
    writeFileSync(bed, 'track name=peaks\nseq1\t10\t150\tpeakA\nseq0\t0\t120\nseq3\t40\t200\tpeakC\n');
    const genome = join(dir, 'genome.fa');
    writeFileSync(genome, readFileSync(FASTA, 'utf8'));
    writeFileSync(join(dir, 'config.yaml'), [
      `fasta: ${genome}`, `regions: ${bed}`, `model: ${MODEL}`, 'shards: 2', `outdir: ${join(dir, 'out')}`,
      `plrp: node ${PLRP}`, `explain_args: "${REGION_ARGS.join(' ')}"`, 'threads: 1', `cache: ${join(dir, 'cache.db')}`, '',
    ].join('\n'));
    execFileSync('snakemake', ['-s', join(ROOT, 'workflow/Snakefile'), '--configfile', join(dir, 'config.yaml'), '--cores', '2', '-q'], { cwd: dir, stdio: 'pipe' });
    execFileSync('node', [PLRP, 'explain', '--model', MODEL, '--fasta', genome, '--regions', bed, '--out', join(dir, 'single.json'), '--threads', '1', ...REGION_ARGS], { stdio: 'pipe' });
    single = JSON.parse(readFileSync(join(dir, 'single.json'), 'utf8')) as typeof single;
    merged = JSON.parse(readFileSync(join(dir, 'out/merged.json'), 'utf8')) as typeof merged;
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('explains each part of the BED as regions of the genome and merges them into the single run over the whole BED', () => {
    const lines = (p: string): string[] => readFileSync(p, 'utf8').split('\n').filter((l) => l !== '');
    expect([0, 1].flatMap((i) => lines(join(dir, `out/shards/shard-000${i}.bed`))).filter((l) => !l.startsWith('track'))).toHaveLength(3);
    expect(merged.regions).toEqual(single.regions);
    expect(merged.sequences.map((s) => s.name)).toEqual(['peakA', 'seq0:1-120', 'peakC']);
    expect(merged.sequences.map((s) => s.name)).toEqual(single.sequences.map((s) => s.name));
    for (let i = 0; i < single.sequences.length; i++) {
      for (const [id, rows] of Object.entries(single.sequences[i].relevance)) {
        expect(relativeL2(merged.sequences[i].relevance[id].flat(), rows.flat())).toBeLessThan(1e-6);
      }
    }
    expect(merged.seqlets).toEqual(single.seqlets);
    expect(merged.motifs).toEqual(single.motifs);
  });

  it('imports the merge as a region run', () => {
    const runId = readFileSync(join(dir, 'out/imported-run-id.txt'), 'utf8').trim();
    const shown = execFileSync('node', [PLRP, 'runs', 'show', runId, '--cache', join(dir, 'cache.db')], { encoding: 'utf8' });
    expect(shown).toContain('  regions of genome.fa: BED peaks.bed\n');
  });
});
