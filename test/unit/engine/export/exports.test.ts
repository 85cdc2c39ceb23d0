import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBedGraph } from '../../../../src-main/engine/export/bedgraph';
import { formatBed, hitToBed } from '../../../../src-main/engine/export/bed';
import { parseBed } from '../../../../src-main/engine/genomics/bed-reader';
import { safeFileName, safeJoin, uniqueSafeNames } from '../../../../src-main/engine/export/safe-name';
import { buildManifest, sha256File } from '../../../../src-main/engine/export/manifest';
import { writeExportBundle } from '../../../../src-main/engine/export/export-bundle';
import { FIMO_COLUMNS } from '../../../../src-main/engine/export/fimo-tsv';
import { readNpy } from '../../../../src-main/engine/export/npy';
import type { MotifHit } from '../../../../src-main/engine/motifs/hit';
import { writeSeqletsBed } from '../../../../src-main/engine/export/seqlets-bed';
import { compareChromBytes } from '../../../../src-main/engine/export/chrom-order';

function readBedGraph(text: string): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('track')) continue;
    const [chrom, s, e, v] = line.split('\t');
    const m = out.get(chrom) ?? new Map<number, number>();
    for (let i = Number(s); i < Number(e); i++) m.set(i, Number(v));
    out.set(chrom, m);
  }
  return out;
}

const hit: MotifHit = {
  motifIndex: 0, motifId: 'MA0004.1', motifAltId: 'Arnt', sequenceIndex: 0, sequenceName: 'chr1', start: 4, end: 10,
  strand: '-', score: 11.5, pValue: 1e-5, qValue: 0.01, matchedSequence: 'CACGTG',
};

describe('bedGraph export', () => {
  it('re-reads to the per-base values at genome coordinates, runs merged and padding left out', () => {
    const values = Float32Array.from([0.5, 0.5, -1.25, 0, 3]);
    const text = formatBedGraph([{ chrom: 'chr2', offset: 1000, values, mask: Uint8Array.from([0, 0, 0, 0, 1]) }], 'lrp');
    expect(text.split('\n')[0]).toBe('track type=bedGraph name="lrp" description="lrp" visibility=full autoScale=on');
    expect(text.split('\n').slice(1, 4)).toEqual(['chr2\t1000\t1002\t0.5', 'chr2\t1002\t1003\t-1.25', 'chr2\t1003\t1004\t0']);
    expect([...readBedGraph(text).get('chr2')!.entries()]).toEqual([[1000, 0.5], [1001, 0.5], [1002, -1.25], [1003, 0]]);
  });

  it('never writes overlapping intervals: overlapping regions are averaged per base, as tiled windows are, and the track says so', () => {
    // 20 bp windows every 5 bp, given out of order, plus a region on another chromosome.
    const starts = [15, 0, 10, 5, 20];
    const windows = starts.map((start) => ({ chrom: 'chr1', offset: 100 + start, values: new Float32Array(20).fill(start) }));
    const text = formatBedGraph([...windows, { chrom: 'chr2', offset: 0, values: Float32Array.from([7, 7]) }], 'lrp');
    expect(text.split('\n')[0]).toContain('description="lrp; 5 regions overlap another: where regions overlap, each base\'s value is the mean over the regions covering it');
    const intervals = text.trim().split('\n').slice(1).map((l) => l.split('\t'));
    // Sorted within each chromosome, no interval starting before the previous one ended.
    for (let i = 1; i < intervals.length; i++) {
      if (intervals[i][0] === intervals[i - 1][0]) expect(Number(intervals[i][1])).toBeGreaterThanOrEqual(Number(intervals[i - 1][2]));
    }
    // Each base: the mean of what the windows covering it say (window s says s everywhere).
    const perBase = readBedGraph(text).get('chr1')!;
    expect(perBase.size).toBe(40);
    for (const [p, v] of perBase) {
      const covering = starts.filter((s) => p >= 100 + s && p < 120 + s);
      expect(v).toBeCloseTo(covering.reduce((a, b) => a + b, 0) / covering.length, 5);
    }
    expect(readBedGraph(text).get('chr2')).toEqual(new Map([[0, 7], [1, 7]]));
    const separate = formatBedGraph([{ chrom: 'chr1', offset: 0, values: Float32Array.from([1]) }, { chrom: 'chr1', offset: 5, values: Float32Array.from([2]) }], 'lrp');
    expect(separate).toBe('track type=bedGraph name="lrp" description="lrp" visibility=full autoScale=on\nchr1\t0\t1\t1\nchr1\t5\t6\t2\n');
  });
});

describe('chromosome order of a genome\'s exports', () => {
  // What `LC_ALL=C sort -k1,1` does (strcmp on UTF-8 bytes), which bedGraphToBigWig insists on.
  const cSorted = (names: string[]) => names.map((n) => Buffer.from(n)).sort(Buffer.compare).map((b) => b.toString());

  it('compares names byte by byte, as strcmp does, also past U+FFFF', () => {
    const names = ['chr2', 'chrX', 'chr10', 'chr1', 'chr1_random', 'Chr3', 'chrM', 'chr\u{1F600}', 'chr\uFF21', 'chr'];
    expect([...names].sort(compareChromBytes)).toEqual(cSorted(names));
    expect(compareChromBytes('chr1', 'chr1')).toBe(0);
  });

  it('writes a region bedGraph with chromosomes in byte order, then position, whatever order the regions came in', () => {
    const region = (chrom: string, offset: number) => ({ chrom, offset, values: Float32Array.from([1, 2]) });
    const text = formatBedGraph([region('chr2', 50), region('chrX', 0), region('chr10', 7), region('chr2', 10), region('chr1', 99)], 'lrp', '', 'genome');
    const rows = text.trim().split('\n').slice(1).map((l) => l.split('\t').slice(0, 2).join(' '));
    expect(rows).toEqual(['chr1 99', 'chr1 100', 'chr10 7', 'chr10 8', 'chr2 10', 'chr2 11', 'chr2 50', 'chr2 51', 'chrX 0', 'chrX 1']);
    // A plain FASTA's records keep their order: each is a "chromosome" of its own.
    const records = formatBedGraph([region('seq2', 0), region('seq10', 0)], 'lrp');
    expect(records.trim().split('\n').slice(1).map((l) => l.split('\t')[0])).toEqual(['seq2', 'seq2', 'seq10', 'seq10']);
  });

  it('writes a region export bundle\'s bedGraph, hits.bed and seqlets BED in that order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-chrom-order-'));
    const sequences = [{ name: 'chr2:11-20', chrom: 'chr2', offset: 10, lengthBp: 10 }, { name: 'chr10:1-10', chrom: 'chr10', offset: 0, lengthBp: 10 }, { name: 'chr1:1-10', chrom: 'chr1', offset: 0, lengthBp: 10 }];
    const observed = sequences.map((_, i) => new Float32Array(10).fill(i + 1));
    const relevance = sequences.map(() => new Float32Array(40));
    // Hits in FIMO's p-value order, each region's second hit first.
    const hits = [2, 0, 1].flatMap((i) => [6, 2].map((start) => ({ ...hit, sequenceIndex: i, sequenceName: sequences[i].name, start, end: start + 2 })));
    const seqlets = [0, 1, 2].map((i) => ({ sequenceIndex: i, start: 3, end: 6, sign: 'positive' as const, attribution: 1, pValue: 1e-3 * (3 - i), bestHit: null }));
    await writeExportBundle({ dir, sequences, relevance: { lrp: relevance }, observed: { lrp: observed }, hits, seqlets: { lrp: seqlets }, manifest: { engineVersion: 'e1', inputs: [], options: {} } });
    const rows = (file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t').slice(0, 2).join(' '));
    expect(rows('relevance-lrp.bedGraph')).toEqual(['chr1 0', 'chr10 0', 'chr2 10']);
    expect(rows('hits.bed')).toEqual(['chr1 2', 'chr1 6', 'chr10 2', 'chr10 6', 'chr2 12', 'chr2 16']);
    expect(rows('seqlets-lrp.bed')).toEqual(['chr1 3', 'chr10 3', 'chr2 13']);
  });

  it('writes a plain FASTA\'s hits.bed with its records in the FASTA\'s order, whatever the hits\' p-value order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-record-order-'));
    const sequences = [{ name: 'seqB', lengthBp: 10 }, { name: 'seqA', lengthBp: 10 }];
    // The second record's hit is the most significant, so it comes first in hits.tsv.
    const hits = [{ ...hit, sequenceIndex: 1, sequenceName: 'seqA', start: 1, end: 3, pValue: 1e-9 }, { ...hit, sequenceIndex: 0, sequenceName: 'seqB', start: 5, end: 7 }, { ...hit, sequenceIndex: 0, sequenceName: 'seqB', start: 2, end: 4 }];
    await writeExportBundle({ dir, sequences, relevance: {}, observed: {}, hits, manifest: { engineVersion: 'e1', inputs: [], options: {} } });
    const rows = readFileSync(join(dir, 'hits.bed'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t').slice(0, 2).join(' '));
    expect(rows).toEqual(['seqB 2', 'seqB 5', 'seqA 1']);
  });
});

describe('BED export', () => {
  it('writes motif hits 0-based half-open and re-reads them with the BED reader', () => {
    const text = formatBed([hitToBed(hit)], 'track name="hits"');
    expect(text).toBe('track name="hits"\nchr1\t4\t10\tMA0004.1_Arnt\t50\t-\n');
    expect(parseBed(text, 'hits.bed')).toEqual([{ chrom: 'chr1', start: 4, end: 10, name: 'MA0004.1_Arnt', score: 50, strand: '-', line: 2 }]);
  });
});

describe('path-safe export names', () => {
  it('never lets a FASTA header escape the target folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-safe-'));
    for (const name of ['../../x', '/etc/passwd', '..', '.', '', 'a/../../b', 'C:\\Windows\\x', 'con', 'chr1 some description']) {
      const p = safeJoin(dir, name, '.bedGraph');
      expect(p.startsWith(dir + '/')).toBe(true);
      expect(p.slice(dir.length + 1)).not.toMatch(/[\\/]/);
    }
    expect(safeFileName('../../x')).toBe('__.._x');
    expect(safeFileName('con')).toBe('_con');
  });

  it('names a locus typed with thousands separators as the same locus typed without them', () => {
    expect(safeFileName('chr2:1,001-1,200')).toBe('chr2_1001-1200');
    expect(safeFileName('chr2:1,001-1,200')).toBe(safeFileName('chr2:1001-1200'));
    expect(safeFileName('relevance-chr1:12,345,678-12,346,000-lrp')).toBe('relevance-chr1_12345678-12346000-lrp');
    // Only a comma between a digit and a group of three is a thousands separator.
    expect(safeFileName('peak1,2')).toBe('peak1_2');
    expect(safeFileName('chr1:1,0001')).toBe('chr1_1_0001');
  });

  it('keeps names that collide after sanitising (or differ only in case) apart', () => {
    expect(uniqueSafeNames(['a/b', 'a:b', 'chrX', 'chrx', 'a_b'])).toEqual(['a_b', 'a_b_2', 'chrX', 'chrx_2', 'a_b_3']);
  });
});

describe('manifest', () => {
  it('records sha256 and size of inputs and model, options and engine version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-man-'));
    writeFileSync(join(dir, 'in.fa'), '>a\nACGT\n');
    writeFileSync(join(dir, 'm.onnx'), Buffer.from([1, 2, 3]));
    const m = await buildManifest({ engineVersion: 'e1', inputs: [{ role: 'fasta', path: join(dir, 'in.fa') }], modelPath: join(dir, 'm.onnx'), options: { p: 0.5 }, outputs: ['x.bed'], createdAt: new Date(0) });
    expect(m.inputs[0]).toEqual({ role: 'fasta', path: join(dir, 'in.fa'), name: 'in.fa', sizeBytes: 8, sha256: createHash('sha256').update('>a\nACGT\n').digest('hex') });
    expect(m.model?.sha256).toBe('039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81');
    expect(m).toMatchObject({ format: 'plrp-run-manifest', engineVersion: 'e1', createdAt: '1970-01-01T00:00:00.000Z', options: { p: 0.5 }, outputs: ['x.bed'] });
    await expect(sha256File(join(dir, 'missing'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe('export bundle', () => {
  it('writes every export inside the folder, re-readable, with a manifest listing them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-bundle-'));
    writeFileSync(join(dir, 'in.fa'), '>x\nACGTACGTAC\n');
    const rel = Float32Array.from({ length: 2 * 10 * 4 }, (_, i) => (i % 7) - 3);
    const observed = [Float32Array.from({ length: 10 }, (_, i) => i / 10), Float32Array.from({ length: 10 }, (_, i) => 0 - i)];
    const written = await writeExportBundle({
      dir,
      sequences: [{ name: '../../evil', lengthBp: 10 }, { name: 'chr1', lengthBp: 10 }],
      relevance: { 'lrp/eps': [rel.subarray(0, 40), rel.subarray(40)] },
      observed: { 'lrp/eps': observed },
      hits: [hit, { ...hit, sequenceIndex: 1, sequenceName: 'chr1' }],
      seqlets: { 'lrp/eps': [{ sequenceIndex: 1, start: 2, end: 8, sign: 'negative', attribution: -27, pValue: 1e-3, bestHit: hit }] },
      manifest: { engineVersion: 'e1', inputs: [{ role: 'fasta', path: join(dir, 'in.fa') }], options: {} },
    });
    expect(written.every((p) => p.startsWith(dir + '/'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['hits-relevance.tsv', 'hits.bed', 'hits.tsv', 'in.fa', 'manifest.json', 'motif-ranking-lrp_eps.tsv', 'relevance-lrp_eps.bedGraph', 'relevance-lrp_eps.npy', 'seqlets-lrp_eps.bed']);
    const npy = await readNpy(join(dir, 'relevance-lrp_eps.npy'));
    expect(npy.shape).toEqual([2, 10, 4]);
    expect(Array.from(npy.data)).toEqual(Array.from(rel));
    const tracks = readBedGraph(readFileSync(join(dir, 'relevance-lrp_eps.bedGraph'), 'utf8'));
    expect([...tracks.get('../../evil')!.values()].map((v) => Math.fround(v))).toEqual(Array.from(observed[0]));
    expect([...tracks.get('chr1')!.values()]).toEqual(Array.from(observed[1]));
    const weighted = readFileSync(join(dir, 'hits-relevance.tsv'), 'utf8').split('\n');
    expect(weighted[0].split('\t').slice(-3)).toEqual(['lrp/eps_sum', 'lrp/eps_mean', 'region']);
    expect(weighted[2].split('\t').slice(-3)).toEqual(['-39', '-6.5', 'chr1']);
    // A FASTA's records: the region column holds the record's name, after FIMO's ten columns.
    const fimo = readFileSync(join(dir, 'hits.tsv'), 'utf8').split('\n').slice(0, 3).map((l) => l.split('\t'));
    expect(fimo.map((f) => f.length)).toEqual([11, 11, 11]);
    expect(fimo.map((f) => f[10])).toEqual(['region', '../../evil', 'chr1']);
    // Named after its explanation, so several seqlet tracks loaded together stay apart.
    expect(readFileSync(join(dir, 'seqlets-lrp_eps.bed'), 'utf8').split('\n')[0]).toBe('track name="seqlets lrp/eps" description="recursive seqlets (tangermeme)" useScore=1');
    expect(parseBed(readFileSync(join(dir, 'seqlets-lrp_eps.bed'), 'utf8'), 's.bed')).toEqual([{ chrom: 'chr1', start: 2, end: 8, name: 'neg:Arnt', score: 30, strand: '.', line: 2 }]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.outputs).toEqual(['relevance-lrp_eps.bedGraph', 'relevance-lrp_eps.npy', 'hits.tsv', 'hits.bed', 'hits-relevance.tsv', 'motif-ranking-lrp_eps.tsv', 'seqlets-lrp_eps.bed']);
  });
});

describe('seqlets BED', () => {
  it('lists seqlets in position order on the genome, whatever their p-value order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-seqlets-bed-'));
    const seqlet = (sequenceIndex: number, start: number, pValue: number) =>
      ({ sequenceIndex, start, end: start + 5, attribution: 1, pValue, sign: 'positive' as const, bestHit: null });
    // Two regions of chr1 (the second one first in the run) and one of chr2, seqlets by p.
    const seqlets = [seqlet(0, 50, 1e-6), seqlet(2, 5, 1e-5), seqlet(1, 30, 1e-4), seqlet(0, 10, 1e-3)];
    await writeSeqletsBed(join(dir, 's.bed'), seqlets, { chroms: ['chr1', 'chr2', 'chr1'], offsets: [1000, 0, 200] });
    const rows = readFileSync(join(dir, 's.bed'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t').slice(0, 3).join(' '));
    expect(rows).toEqual(['chr1 205 210', 'chr1 1010 1015', 'chr1 1050 1055', 'chr2 30 35']);
  });
});

describe('overlapping regions in an export bundle', () => {
  // peakA (chr1:3000-3020) and peakB (chr1:3010-3030) share 3010-3020; peakC lies on chr2.
  const sequences = [
    { name: 'peakB', chrom: 'chr1', offset: 3010, lengthBp: 20 },
    { name: 'peakA', chrom: 'chr1', offset: 3000, lengthBp: 20 },
    { name: 'peakC', chrom: 'chr2', offset: 100, lengthBp: 20 },
  ];
  // Each region's own explanation: the shared bases carry different relevance in each.
  const observed = sequences.map((_, i) => new Float32Array(20).fill(i + 1));
  // The same hit (chr1:3012-3016, both strands) found by scanning peakA and peakB, one only peakA
  // has and one on chr2; in FIMO's p-value order.
  const at = (sequenceIndex: number, start: number, strand: '+' | '-'): MotifHit => ({ ...hit, sequenceIndex, sequenceName: sequences[sequenceIndex].name, start, end: start + 4, strand });
  const hits = [at(1, 12, '+'), at(0, 2, '+'), at(1, 12, '-'), at(0, 2, '-'), at(1, 1, '+'), at(2, 5, '+')];
  const seqlet = (sequenceIndex: number, start: number, end: number, sign: 'positive' | 'negative') => ({ sequenceIndex, start, end, sign, attribution: 1, pValue: 1e-3, bestHit: null });
  // Both call a positive seqlet on the shared bases; peakB also a negative one over them.
  const seqlets = [seqlet(0, 1, 6, 'negative'), seqlet(1, 12, 16, 'positive'), seqlet(0, 2, 6, 'positive'), seqlet(2, 0, 4, 'positive')];
  let dir = '';
  const dataLines = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('track'));

  it('writes a hit the overlapping regions share once in hits.bed, in position order', async () => {
    dir = mkdtempSync(join(tmpdir(), 'plrp-overlap-'));
    await writeExportBundle({ dir, sequences, relevance: { lrp: sequences.map(() => new Float32Array(80)) }, observed: { lrp: observed }, hits, seqlets: { lrp: seqlets }, manifest: { engineVersion: 'e1', inputs: [], options: {} } });
    const bed = dataLines('hits.bed');
    expect(new Set(bed).size).toBe(bed.length);
    expect(bed.map((l) => l.split('\t')).map((f) => `${f[0]} ${f[1]} ${f[2]} ${f[5]}`)).toEqual(['chr1 3001 3005 +', 'chr1 3012 3016 +', 'chr1 3012 3016 -', 'chr2 105 109 +']);
  });

  it('keeps a line per region in the hit tables, each naming its region in a last column', () => {
    for (const file of ['hits.tsv', 'hits-relevance.tsv']) {
      const [header, ...rows] = dataLines(file).map((l) => l.split('\t'));
      expect(header.slice(0, 10)).toEqual(FIMO_COLUMNS);
      expect(header.at(-1)).toBe('region');
      expect(rows).toHaveLength(hits.length);
      // No two lines alike, and each names the region whose bases hold the hit.
      expect(new Set(rows.map((r) => r.join('\t'))).size).toBe(rows.length);
      for (const r of rows) {
        const region = sequences.find((s) => s.name === r.at(-1))!;
        expect([r[2], Number(r[3]) - 1 >= region.offset, Number(r[4]) <= region.offset + region.lengthBp]).toEqual([region.chrom, true, true]);
      }
      const shared = rows.filter((r) => r[2] === 'chr1' && r[3] === '3013' && r[5] === '+');
      expect(shared.map((r) => r.at(-1)).sort()).toEqual(['peakA', 'peakB']);
    }
    // Each weighted by its own region's relevance (peakB's track is 1 everywhere, peakA's 2).
    const weighted = dataLines('hits-relevance.tsv').slice(1).map((l) => l.split('\t'));
    expect(weighted.filter((r) => r[3] === '3013' && r[5] === '+').map((r) => [r.at(-1), r[10]]).sort()).toEqual([['peakA', '8'], ['peakB', '4']]);
  });

  it('names each seqlet\'s region before its sign, in position order', () => {
    const rows = dataLines('seqlets-lrp.bed').map((l) => l.split('\t').slice(0, 4).join(' '));
    // Seqlets at one place keep the run's order of regions (peakB is the run's first).
    expect(rows).toEqual(['chr1 3011 3016 peakB:neg', 'chr1 3012 3016 peakB:pos', 'chr1 3012 3016 peakA:pos', 'chr2 100 104 peakC:pos']);
  });
});
