// The CLI contract other tools rely on (issue "Engine core"): out.json / out.npy shapes, configs
// from a file, targets, exit codes (0 ok, 2 bad input naming the file, 1 internal), and inspect.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readNpy } from '../../../src-main/engine/export/npy';
import { FIXTURE_DIR, loadFixture, relativeL2 } from '../engine/lrp/fixture-helpers';
import { runCli } from './cli-helpers';
import { explainConfigsFrom } from '../../../src-main/cli/explain/explain-configs';

const tmp = mkdtempSync(join(tmpdir(), 'plrp-cli-'));
const cnn4 = join(FIXTURE_DIR, 'cnn4.onnx');
const cnn4Fa = join(FIXTURE_DIR, 'cnn4.fa');
const MODELS = join(FIXTURE_DIR, '../models');

interface OutJson {
  engine: { name: string; version: string };
  model: { path: string; sha256: string; layout: string };
  explanations: { id: string; config: Record<string, unknown> }[];
  sequences: { name: string; length: number; target: number; logit: number; output: number[]; relevance: Record<string, number[][]>; diagnostics: Record<string, unknown[][]> }[];
}

describe('plrp explain', () => {
  it('writes out.json with every config of --explain-config, in A,C,G,T order, matching zennit', async () => {
    const { fixture } = loadFixture('cnn4');
    const cfg = join(tmp, 'cfg.json');
    writeFileSync(cfg, JSON.stringify([
      { id: 'eps', composite: 'epsilon' },
      { id: 'plus', composite: 'epsilon-plus' },
      { id: 'pl', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 },
    ]));
    const targets = join(tmp, 'targets.tsv');
    writeFileSync(targets, fixture.targets.map((t, i) => `seq${i}\t${t}`).join('\n'));
    const out = join(tmp, 'out.json');
    const r = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--explain-config', cfg, '--target', `@${targets}`, '--out', out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as OutJson;
    expect(json.explanations.map((e) => e.id)).toEqual(['eps', 'plus', 'pl']);
    expect(json.model.layout).toBe('NCL');
    expect(json.sequences.map((s) => s.target)).toEqual(fixture.targets);
    const byComposite = (c: string) => fixture.cases.find((x) => x.composite === c && x.method === 'lrp' && x.params.epsilon === 1e-6)!;
    const got = json.sequences.flatMap((s) => s.relevance.plus.flat());
    expect(relativeL2(got, byComposite('epsilon-plus').relevance.flat(2))).toBeLessThan(1e-3);
    expect(json.sequences[0].relevance.eps[0]).toHaveLength(4);
    expect(json.sequences[0].diagnostics.pl[0].length).toBeGreaterThan(0);
  });

  it('writes a float32 [N, L, 4] .npy for one config', async () => {
    const out = join(tmp, 'out.npy');
    const r = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--composite', 'epsilon-gamma-box', '--target', '1', '--out', out]);
    expect(r.code).toBe(0);
    const npy = await readNpy(out);
    expect(npy.shape).toEqual([4, 200, 4]);
  });

  it('names plain LRP `lrp` whatever its composite, and PLRP `plrp-lambda-p0.3` with p as a number, as the app names them', async () => {
    const ids = async (flags: Parameters<typeof explainConfigsFrom>[0]) => (await explainConfigsFrom(flags)).map((c) => c.id);
    expect(await ids({})).toEqual(['lrp']);
    expect(await ids({ composite: 'epsilon-gamma-box' })).toEqual(['lrp']);
    expect(await ids({ method: 'plrp-lambda', p: '.30' })).toEqual(['plrp-lambda-p0.3']);
    expect(await ids({ method: 'plrp-m', p: '0.5' })).toEqual(['plrp-m-p0.5']);
  });

  it('refuses a p outside 0 to 1 in words, on the command line and in a config file, as the app\'s form does', async () => {
    const r = await runCli(['explain', '--model', join(FIXTURE_DIR, 'cnn4.onnx'), '--fasta', cnn4Fa, '--method', 'plrp-lambda', '--p', '30', '--out', join(tmp, 'p30.json')]);
    expect([r.code, r.stderr]).toEqual([2, 'plrp: --p must be between 0 and 1 (the fraction of relevance pruned at each pruning point), got 30\n']);
    const cfg = join(tmp, 'p-minus.json');
    writeFileSync(cfg, JSON.stringify([{ id: 'a', method: 'plrp-m', p: { conv2: -0.5 } }]));
    const c = await runCli(['explain', '--model', join(FIXTURE_DIR, 'cnn4.onnx'), '--fasta', cnn4Fa, '--explain-config', cfg, '--out', join(tmp, 'pm.json')]);
    expect([c.code, c.stderr]).toEqual([2, `plrp: ${cfg}: entry 0: p.conv2: p must be between 0 and 1 (the fraction of relevance pruned at each pruning point), got -0.5\n`]);
    expect((await explainConfigsFrom({ method: 'plrp-m', p: '1' }))[0].p).toBe(1);
    // Only a decimal number: Number() would read '' and ' ' as 0 (plain LRP under a PLRP name) and 0x1 as 1.
    for (const p of ['', ' ', '0x1', 'abc']) {
      await expect(explainConfigsFrom({ method: 'plrp-lambda', p })).rejects.toThrow(`--p must be a number, got '${p}'`);
    }
    expect((await explainConfigsFrom({ method: 'plrp-m', p: '5e-1', epsilon: '1E-6' }))[0].p).toBe(0.5);
  });

  it('explains a channels-last model with relevance still in A,C,G,T order per position', async () => {
    const out = join(tmp, 'nlc.json');
    const r = await runCli(['explain', '--model', join(FIXTURE_DIR, 'cnn-bn-nlc.onnx'), '--fasta', join(FIXTURE_DIR, 'cnn-bn-nlc.fa'), '--target', '0', '--composite', 'epsilon', '--out', out]);
    expect(r.code).toBe(0);
    const { fixture } = loadFixture('cnn-bn-nlc');
    const json = JSON.parse(readFileSync(out, 'utf8')) as OutJson;
    const want = fixture.cases.find((c) => c.composite === 'epsilon' && c.method === 'lrp')!.relevance[0];
    expect(relativeL2(json.sequences[0].relevance.lrp.flat(), want.flat())).toBeLessThan(1e-3);
  });

  it('exits 2 naming the file for a missing model, a bad config and a .npy with several configs', async () => {
    const missing = await runCli(['explain', '--model', join(tmp, 'nope.onnx'), '--fasta', cnn4Fa, '--out', join(tmp, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.onnx');
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ id: 'a', composite: 'no-such-composite' }]));
    const badCfg = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--explain-config', bad, '--out', join(tmp, 'x.json')]);
    expect(badCfg.code).toBe(2);
    expect(badCfg.stderr).toContain(`${bad}: entry 0: composite`);
    const two = join(tmp, 'two.json');
    writeFileSync(two, JSON.stringify([{ id: 'a' }, { id: 'b', composite: 'epsilon' }]));
    const npy = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--explain-config', two, '--out', join(tmp, 'x.npy')]);
    expect(npy.code).toBe(2);
    expect(npy.stderr).toContain('one explanation');
  });

  it('refuses an --out that is neither .json nor .npy, writing nothing, instead of writing JSON under that name', async () => {
    for (const [name, extra] of [['o.txt', ''], ['o.json.gz', ' (compressed output is not supported: gzip the .json afterwards)']]) {
      const out = join(tmp, name);
      const r = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--out', out]);
      expect([r.code, r.stderr]).toEqual([2, `plrp: --out ${out}: use a .json file (every explanation) or a .npy file (one explanation)${extra}\n`]);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses PLRP without --p and PLRP flags with plain LRP, instead of running something else', async () => {
    const out = join(tmp, 'flags.json');
    const noP = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--method', 'plrp-lambda', '--out', out]);
    expect(noP.code).toBe(2);
    expect(noP.stderr).toContain('--method plrp-lambda needs --p');
    const lrpWithP = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--p', '0.3', '--threshold', 'count', '--out', out]);
    expect(lrpWithP.code).toBe(2);
    expect(lrpWithP.stderr).toContain('--p, --threshold apply to Pruned LRP only');
  });

  it('refuses RMA/RRA without ground truth, and warns when the BED names none of the sequences', async () => {
    const out = join(tmp, 'gt.json');
    const noGt = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--metrics', 'gini,rma', '--out', out]);
    expect(noGt.code).toBe(2);
    expect(noGt.stderr).toContain('need --ground-truth');
    const bed = join(tmp, 'other-names.bed');
    writeFileSync(bed, 'chr1\t10\t20\nchr2\t5\t9\n');
    const unmatched = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--ground-truth', bed, '--metrics', 'rma', '--out', out]);
    expect(unmatched.code).toBe(0);
    expect(unmatched.stderr).toContain(`${bed} names no sequence of this run (it names "chr1", "chr2"); rma and rra are empty`);
  });

  it('scores a multitask explanation against the sites of the output it explains', async () => {
    const demo = join(FIXTURE_DIR, '../../../resources/demo');
    const out = join(tmp, 'multitask.json');
    const r = await runCli(['explain', '--model', join(FIXTURE_DIR, '../../../resources/models/deep-multitask.onnx'), '--fasta', join(demo, 'multitask.fa'),
      '--ground-truth', join(demo, 'multitask.bed'), '--metrics', 'rma', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("plrp: note: " + join(demo, 'multitask.bed') + ": RMA and RRA score each explanation against the regions of the output it explains, matched by the BED's name column (15 ctcf, 12 cebpb, 21 spi1, 20 foxa1)");
    const json = JSON.parse(readFileSync(out, 'utf8')) as { sequences: { name: string; target: number; metrics: Record<string, { rma: number | null }> }[] };
    const tasks = ['ctcf', 'cebpb', 'spi1', 'foxa1'];
    const taskSites = new Set(readFileSync(join(demo, 'multitask.bed'), 'utf8').trim().split('\n').map((l) => {
      const [seq, , , name] = l.split('\t');
      return `${seq} ${name.split(':')[0].toLowerCase()}`;
    }));
    // RMA exists exactly where the explained output has a site of its own (other tasks' sites do not count).
    for (const s of json.sequences) expect(s.metrics.lrp.rma !== null).toBe(taskSites.has(`${s.name} ${tasks[s.target]}`));
    expect(json.sequences.some((s) => s.metrics.lrp.rma === null && [...taskSites].some((k) => k.startsWith(`${s.name} `)))).toBe(true);
  });

  it('prints the warnings of short sequences for a .npy too', async () => {
    const fa = join(tmp, 'short.fa');
    writeFileSync(fa, '>short1\nACGTACGTAC\n>short2\nGGGCCCAAAT\n');
    const r = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--out', join(tmp, 'short.npy')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/plrp: warning: .*short1/);
    expect(r.stderr).toMatch(/plrp: warning: .*short2/);
  });

  it('exits 2 for a target index the model does not have', async () => {
    const r = await runCli(['explain', '--model', cnn4, '--fasta', cnn4Fa, '--target', '7', '--out', join(tmp, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('target index 7 is out of range');
  });
});

describe('plrp inspect', () => {
  it('prints the layout, the alphabet axis, the outputs and each layer\'s rule per composite', async () => {
    const r = await runCli(['inspect', '--model', join(FIXTURE_DIR, 'cnn-bn-nlc.onnx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('layout NLC (alphabet on axis 2');
    expect(r.stdout).toContain('3 values, head sigmoid');
    expect(r.stdout).toMatch(/Conv\s+\/body\/body.0\/Conv\s+epsilon \/ zplus \/ zbox \/ alpha2-beta1 \/ flat/);
    expect(r.stdout).toMatch(/Gemm\s+\/body\/body.8\/Gemm\s+epsilon \/ epsilon/);
  });

  it('exits 2 before any computation for an unsupported op, naming node, op type and file', async () => {
    const path = join(MODELS, 'unsupported-lstm.onnx');
    const r = await runCli(['inspect', '--model', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: node '/lstm/LSTM' (LSTM)`);
  });

  it('exits 2 for a model without a DNA input (no axis of size 4)', async () => {
    const r = await runCli(['inspect', '--model', join(MODELS, 'not-dna-3x50.onnx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no axis of size 4');
  });
});

describe('the plrp bin', () => {
  it('runs from the project root with no build step (npx plrp --help)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(FIXTURE_DIR, '../../../bin/plrp.mjs'), '--help']);
    for (const cmd of ['explain', 'predict', 'inspect']) expect(stdout).toContain(cmd);
  });
});

describe('plrp predict', () => {
  it('writes ONNX Runtime\'s outputs per sequence as TSV', async () => {
    const { fixture } = loadFixture('cnn-bn-nlc');
    const out = join(tmp, 'preds.tsv');
    const r = await runCli(['predict', '--model', join(FIXTURE_DIR, 'cnn-bn-nlc.onnx'), '--fasta', join(FIXTURE_DIR, 'cnn-bn-nlc.fa'), '--out', out]);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    expect(rows[0].slice(0, 4)).toEqual(['sequence', 'length', 'predicted', 'output_0']);
    rows.slice(1).forEach((row, i) => row.slice(3, 6).forEach((v, j) => expect(Number(v)).toBeCloseTo(fixture.model_output[i][j], 5)));
  });
});

describe('plrp explain with motifs, seqlets and exports', () => {
  it('ranks the planted GATA motif family first by captured relevance and writes every export', async () => {
    const res = join(FIXTURE_DIR, '../../../resources');
    const out = join(tmp, 'motifs.json');
    const dir = join(tmp, 'export');
    const r = await runCli(['explain', '--model', join(res, 'models/cnn32-pair.onnx'), '--fasta', join(res, 'demo/gata-tal-pair.fa'), '--motifs', 'bundled', '--export', dir, '--out', out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { motifs: { hits: { relevance: Record<string, { sum: number }> }[]; ranking: Record<string, { motifAltId: string }[]> }; seqlets: Record<string, { sign: string }[]> };
    // The demo positives carry GATA1 (MA0035) and TAL1::TCF3 sites; the CNN learned GATA best.
    expect(json.motifs.ranking.lrp[0].motifAltId.toUpperCase()).toContain('GATA');
    expect(json.motifs.hits[0].relevance.lrp).toBeDefined();
    expect(json.seqlets.lrp.some((s) => s.sign === 'positive')).toBe(true);
    const bedGraph = readFileSync(join(dir, 'relevance-lrp.bedGraph'), 'utf8').split('\n');
    expect(bedGraph[0]).toMatch(/^track type=bedGraph/);
    expect((await readNpy(join(dir, 'relevance-lrp.npy'))).shape).toEqual([40, 200, 4]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { inputs: { role: string; sha256: string }[] };
    expect(manifest.inputs.find((i) => i.role === 'fasta')?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('plrp explain on regions of an indexed FASTA', () => {
  it('cuts --region/--regions windows through a .fai it builds, tiles and pads them, and exports genome coordinates', async () => {
    const fa = join(tmp, 'genome.fa');
    const seq = (n: number, seed: number) => Array.from({ length: n }, (_, i) => 'ACGT'[(i * 7 + seed * 13 + ((i * i) % 5)) % 4]).join('');
    const genome: Record<string, string> = { chrA: seq(700, 1), chrB: seq(900, 2) };
    writeFileSync(fa, Object.entries(genome).map(([name, letters]) => `>${name}\n${letters.match(/.{1,60}/g)!.join('\n')}\n`).join(''));
    const bed = join(tmp, 'regions.bed');
    writeFileSync(bed, 'chrA\t10\t60\n');
    const out = join(tmp, 'regions.json');
    const dir = join(tmp, 'regions-export');
    const r = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--region', 'chrB:101-500', '--regions', bed, '--rc-average', '--export', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(`${fa}.fai`, 'utf8')).toContain('chrB\t900');
    const json = JSON.parse(readFileSync(out, 'utf8')) as OutJson;
    expect(json.sequences.map((s) => [s.name, s.length])).toEqual([['chrB:101-500', 400], ['chrA:11-60', 50]]);
    const lines = readFileSync(join(dir, 'relevance-lrp.bedGraph'), 'utf8').trim().split('\n').slice(1);
    // Chromosomes in byte order (chrA first, though --region named chrB first), ready for bedGraphToBigWig.
    expect(lines[0].split('\t').slice(0, 3)).toEqual(['chrA', '10', '11']);
    expect(lines.at(-1)!.split('\t').slice(0, 3)).toEqual(['chrB', '499', '500']);
    // Motif hits too: on the chromosome, where the genome holds the matched letters.
    const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
    const hits = readFileSync(join(dir, 'hits.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
    expect(hits.length).toBeGreaterThan(0);
    for (const [, , chrom, start, stop, strand, , , , matched] of hits) {
      const site = genome[chrom].slice(Number(start) - 1, Number(stop));
      expect(strand === '+' ? site : [...site].reverse().map((b) => complement[b]).join('')).toBe(matched);
    }
    const bedHits = readFileSync(join(dir, 'hits.bed'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    expect(new Set(bedHits.map((f) => f[0]))).toEqual(new Set(hits.map((h) => h[2])));
    expect(Math.min(...bedHits.filter((f) => f[0] === 'chrB').map((f) => Number(f[1])))).toBeGreaterThanOrEqual(100);
    // hits.bed in the order `sort -k1,1 -k2,2n` gives (C locale), as bedToBigBed and IGV's indexer want.
    const sorted = [...bedHits].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : Number(a[1]) - Number(b[1])));
    expect(bedHits.map((f) => `${f[0]}:${f[1]}`)).toEqual(sorted.map((f) => `${f[0]}:${f[1]}`));
    const weighted = readFileSync(join(dir, 'hits-relevance.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    expect(weighted.every((f) => f[2] === 'chrA' || f[2] === 'chrB')).toBe(true);
  });

  it('writes the model, FASTA and regions BED paths absolute in out.json and the manifest, so they are found from any folder', async () => {
    // Typed relative to the working folder; the files of the test above.
    const rel = (p: string): string => relative(process.cwd(), p);
    const out = join(tmp, 'relative.json');
    const dir = join(tmp, 'relative-export');
    const r = await runCli(['explain', '--model', rel(cnn4), '--fasta', rel(join(tmp, 'genome.fa')), '--regions', rel(join(tmp, 'regions.bed')), '--export', dir, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { model: { path: string }; fasta: string; regions?: { bed: string | null } };
    expect([json.model.path, json.fasta, json.regions?.bed]).toEqual([cnn4, join(tmp, 'genome.fa'), join(tmp, 'regions.bed')]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { model: { path: string }; inputs: { role: string; path: string }[]; options: { regionsBed: string } };
    expect([manifest.model.path, manifest.inputs.find((i) => i.role === 'fasta')?.path, manifest.options.regionsBed]).toEqual([cnn4, join(tmp, 'genome.fa'), join(tmp, 'regions.bed')]);
  });
});

describe('plrp explain --export on overlapping regions', () => {
  it('lists a hit the regions share once in hits.bed, and names the region on every hit table and seqlet line', async () => {
    const fa = join(tmp, 'overlap.fa');
    const letters = Array.from({ length: 800 }, (_, i) => 'ACGT'[(i * 5 + ((i * i) % 7)) % 4]).join('');
    writeFileSync(fa, `>chrA\n${letters.match(/.{1,60}/g)!.join('\n')}\n`);
    const bed = join(tmp, 'overlap.bed');
    writeFileSync(bed, 'chrA\t100\t300\tpeakA\nchrA\t200\t400\tpeakB\n');
    const dir = join(tmp, 'overlap-export');
    const r = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--regions', bed, '--region', 'chrA:251-350', '--export', dir, '--out', join(tmp, 'overlap.json')]);
    expect(r.code).toBe(0);
    const regions: Record<string, [number, number]> = { peakA: [100, 300], peakB: [200, 400], 'chrA:251-350': [250, 350] };
    const rows = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('track')).map((l) => l.split('\t'));
    const bedHits = rows('hits.bed');
    expect(new Set(bedHits.map((f) => f.join('\t'))).size).toBe(bedHits.length);
    for (const file of ['hits.tsv', 'hits-relevance.tsv']) {
      const [header, ...hits] = rows(file);
      expect(header.at(-1)).toBe('region');
      expect(new Set(hits.map((h) => h.join('\t'))).size).toBe(hits.length);
      // Every line names a region whose bases hold the hit; hits.bed has each place once.
      for (const h of hits) {
        const [start, end] = regions[h.at(-1)!];
        expect(Number(h[3]) - 1 >= start && Number(h[4]) <= end).toBe(true);
      }
      const places = new Set(hits.map((h) => [h[0], h[3], h[4], h[5]].join(' ')));
      expect(places.size).toBe(bedHits.length);
      // The shared bases (200–300) hold hits found by more than one region.
      expect(hits.length).toBeGreaterThan(places.size);
    }
    const seqlets = rows('seqlets-lrp.bed');
    expect(seqlets.length).toBeGreaterThan(0);
    for (const [chrom, start, end, name] of seqlets) {
      const m = /^(.+):(pos|neg)(:.*)?$/.exec(name)!;
      expect(m && regions[m[1]] && chrom === 'chrA').toBeTruthy();
      expect(Number(start) >= regions[m[1]][0] && Number(end) <= regions[m[1]][1]).toBe(true);
    }
    // Chromosome, then start ascending: the order the file already uses.
    expect(seqlets.map((f) => Number(f[1]))).toEqual(seqlets.map((f) => Number(f[1])).sort((a, b) => a - b));
  });
});

describe('plrp explain refuses region sets as plrp runs start does', () => {
  it('refuses a region name given twice and a BED without regions (exit 2), before explaining anything', async () => {
    const fa = join(tmp, 'sets.fa');
    writeFileSync(fa, `>chrA\n${'ACGT'.repeat(100)}\n`);
    const twice = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--region', 'chrA:1-200', '--region', 'chrA:1-200', '--out', join(tmp, 'twice.json')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--region chrA:1-200: region name "chrA:1-200" is given twice (also --region chrA:1-200); results are looked up by name: the same region is given twice; give it once');
    // The same region spelled two ways, typed or in the BED: two names for one sequence.
    const commas = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--region', 'chrA:101-300', '--region', 'chrA:1,01-3,00', '--out', join(tmp, 'commas.json')]);
    expect(commas.code).toBe(2);
    expect(commas.stderr).toContain('--region chrA:1,01-3,00 is the same place as --region chrA:101-300 (chrA:101-300): each region is one sequence of the run; give it once');
    const again = join(tmp, 'again.bed');
    writeFileSync(again, 'chrA\t100\t300\tpeak\n');
    const typedAndBed = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--region', 'chrA:101-300', '--regions', again, '--out', join(tmp, 'again.json')]);
    expect(typedAndBed.code).toBe(2);
    expect(typedAndBed.stderr).toContain(`${again}:1: region peak is the same place as --region chrA:101-300 (chrA:101-300)`);
    expect(existsSync(join(tmp, 'commas.json')) || existsSync(join(tmp, 'again.json'))).toBe(false);
    const named = join(tmp, 'named-twice.bed');
    writeFileSync(named, 'chrA\t0\t200\tA\nchrA\t100\t300\tA\n');
    const bedTwice = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--regions', named, '--out', join(tmp, 'bed-twice.json')]);
    expect(bedTwice.code).toBe(2);
    expect(bedTwice.stderr).toContain(`${named}:2: region name "A" is given twice (also ${named}:1); results are looked up by name: give every region its own name in the BED file's 4th column`);
    const empty = join(tmp, 'empty.bed');
    writeFileSync(empty, 'track name=none\n');
    const none = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--regions', empty, '--out', join(tmp, 'none.json')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no regions to explain in ${fa}: ${empty} lists none`);
    expect(existsSync(join(tmp, 'none.json'))).toBe(false);
  });
});

describe('plrp explain with names that key other files', () => {
  it('refuses duplicate record names when a target map or ground truth refers to them, naming both lines', async () => {
    const fa = join(tmp, 'dups.fa');
    const s = 'ACGT'.repeat(50);
    writeFileSync(fa, `>a\n${s}\n>b\n${s}\n>a\n${s}\n`);
    const map = join(tmp, 'dups.tsv');
    writeFileSync(map, 'a\t0\nb\t1\n');
    const r = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--target', `@${map}`, '--out', join(tmp, 'dups.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("record name 'a' appears twice (lines 1 and 5)");
    const ok = await runCli(['explain', '--model', cnn4, '--fasta', fa, '--out', join(tmp, 'dups-ok.json')]);
    expect(ok.code).toBe(0);
  });
});
