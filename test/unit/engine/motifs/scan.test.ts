import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFastaAll } from '../../../../src-main/engine/genomics/fasta';
import { readMotifFile } from '../../../../src-main/engine/motifs/read-motifs';
import { compileMotif, kmerCodes, kmerIndex } from '../../../../src-main/engine/motifs/compiled-motif';
import { byFimoOrder, findMotifHits, scanMotifs } from '../../../../src-main/engine/motifs/scan';
import { benjaminiHochberg } from '../../../../src-main/engine/motifs/q-values';
import { formatFimoTsv } from '../../../../src-main/engine/export/fimo-tsv';
import { UNIFORM_BACKGROUND } from '../../../../src-main/engine/motifs/background';
import { buildScoringMatrix } from '../../../../src-main/engine/motifs/pssm';
import type { Motif } from '../../../../src-main/engine/motifs/motif';
import type { MotifHit } from '../../../../src-main/engine/motifs/hit';

const fx = (name: string): string => join(__dirname, '../../../fixtures/genomics', name);

/**
 * Every window scored column by column, both strands, windows with an N skipped: the hits the
 * scan must report, as `sequence:start strand score` (scores in the scan's integer units).
 */
function againstBruteForce(motif: Motif, sequences: string[], bg: [number, number, number, number], threshold: number, hits: MotifHit[]): { got: string[]; expected: string[] } {
  const width = motif.probs.length;
  const m = buildScoringMatrix(motif, bg);
  const idx = (c: string): number => 'ACGT'.indexOf(c);
  const expected: string[] = [];
  sequences.forEach((sequence, s) => {
    for (let p = 0; p + width <= sequence.length; p++) {
      const w = sequence.slice(p, p + width);
      if (w.includes('N')) continue;
      const fwd = [...w].reduce((a, c, i) => a + m.scores[i * 4 + idx(c)], 0);
      const rev = [...w].reduce((a, c, i) => a + m.scores[(width - 1 - i) * 4 + 3 - idx(c)], 0);
      if (m.pValues[fwd] <= threshold) expected.push(`${s}:${p}+${fwd}`);
      if (m.pValues[rev] <= threshold) expected.push(`${s}:${p}-${rev}`);
    }
  });
  const got = hits.map((h) => `${h.sequenceIndex}:${h.start}${h.strand}${Math.round((h.score - width * m.offset) * m.scale)}`);
  return { got: got.sort(), expected: expected.sort() };
}

describe('scanMotifs', () => {
  it('stops between motifs with a CANCELLED error once cancelled', async () => {
    const motifs = await readMotifFile(fx('scan-small.meme'));
    const records = await readFastaAll(fx('scan-small.fa'));
    let asked = 0;
    const twice = [...motifs, ...motifs];
    expect(() => scanMotifs(twice, records, { background: UNIFORM_BACKGROUND, cancelled: () => ++asked > 1 })).toThrow(
      expect.objectContaining({ code: 'CANCELLED' }),
    );
    expect(asked).toBe(2);
    expect(scanMotifs(twice, records, { background: UNIFORM_BACKGROUND, cancelled: () => false }).hits).toHaveLength(6);
  });

  it('finds the same hits without q-values or order (findMotifHits), which scanMotifs then gives in FIMO order', async () => {
    const motifs = await readMotifFile(fx('scan-small.meme'));
    let seed = 3;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const records = [400, 7, 650].map((n, i) => ({ name: `r${i}`, sequence: Array.from({ length: n }, () => 'ACGT'[Math.floor(rnd() * 4)]).join('') }));
    const options = { background: UNIFORM_BACKGROUND, pValueThreshold: 0.05 };
    const found = findMotifHits(motifs, records, options);
    const scanned = scanMotifs(motifs, records, options);
    expect(found.hits.length).toBeGreaterThan(10);
    expect(found.hits.every((h) => Number.isNaN(h.qValue))).toBe(true);
    expect(found.scannedWindowsBySequence).toEqual(scanned.scannedWindowsBySequence);
    const withoutQ = (hits: typeof found.hits) => hits.map(({ qValue: _q, ...rest }) => rest);
    expect(withoutQ([...found.hits].sort(byFimoOrder))).toEqual(withoutQ(scanned.hits));
    expect([...scanned.hits].sort(byFimoOrder)).toEqual(scanned.hits);
  });

  it('reproduces the hand-computed hit list of the small fixture, FIMO TSV byte for byte', async () => {
    // Deterministic 8-column motif, nsites 20, uniform background: a match cell is 999 and a mismatch
    // 35 (see pssm.test), so only perfect sites reach p ≤ 1e-4: p = 4^-8 = 1.526e-5, raw score
    // 7992/100 − 8·8 = 15.92. m = 2 strands × (19 windows in seq1 + 5 N-free windows in seq2) = 48,
    // q = p·48/3 = 2.44e-4 for the three tied hits.
    const motifs = await readMotifFile(fx('scan-small.meme'));
    const records = await readFastaAll(fx('scan-small.fa'));
    const result = scanMotifs(motifs, records, { background: UNIFORM_BACKGROUND });
    expect(result.scannedWindows).toBe(48);
    expect(result.hits.map((h) => [h.sequenceName, h.start, h.end, h.strand])).toEqual([
      ['seq1', 4, 12, '+'],
      ['seq1', 16, 24, '-'],
      ['seq2', 10, 18, '+'],
    ]);
    // FIMO rounds p-values to 10 significant digits: 2^-16 = 1.52587890625e-5 → 1.525878906e-5.
    expect(result.hits[0].pValue).toBe(1.525878906e-5);
    expect(formatFimoTsv(result.hits)).toBe(readFileSync(fx('scan-small.expected.tsv'), 'utf8'));
  });

  // Widths below, at and above the 6-column block the scanner scores with one table read.
  // Widths below, at and above the 7-column first block; from 10 columns a second block (up to 6
  // columns) follows, and past about 38 columns there is none again (compiled-motif).
  for (const width of [3, 6, 7, 8, 11, 13, 20, 41]) {
    it(`agrees with brute-force scoring of every window on both strands of random sequences (motif width ${width})`, () => {
      let seed = 7 + width;
      const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      const probs = Array.from({ length: width }, () => {
        const r = [rnd() + 0.01, rnd() + 0.01, rnd() ** 4, rnd() + 0.01];
        const s = r[0] + r[1] + r[2] + r[3];
        return r.map((v) => v / s);
      });
      const letters = Array.from({ length: 3000 }, (_, i) => (i % 97 === 0 ? 'N' : 'ACGT'[Math.floor(rnd() * 4)])).join('');
      // Three sequences of one batch: no hit may span two of them.
      const sequences = [letters.slice(0, 1200), letters.slice(1200, 1203), letters.slice(1203)];
      const motif = { id: 'R', altId: '', probs, nsites: 15, source: 'test' };
      const bg: [number, number, number, number] = [0.3, 0.2, 0.2, 0.3];
      // A 3-column motif has no window with p ≤ 0.01.
      const threshold = width < 5 ? 0.1 : 0.01;
      const result = scanMotifs([motif], sequences.map((sequence, i) => ({ name: `s${i}`, sequence })), { background: bg, pValueThreshold: threshold });
      const { got, expected } = againstBruteForce(motif, sequences, bg, threshold, result.hits);
      expect(got).toEqual(expected);
      expect(expected.length).toBeGreaterThan(20);
    });
  }

  it('gives a motif too wide for the second block no second block, and still refuses its windows with an unknown letter', () => {
    // 80 columns of one near-certain letter each: the best letters reach any threshold even after
    // the second block's unknown score, so the second block is left out.
    const width = 80;
    const letterAt = (i: number): number => (i * 7 + ((i * i) >> 3)) % 4; // no period a shifted window could match
    const probs = Array.from({ length: width }, (_, i) => [0, 1, 2, 3].map((k) => (k === letterAt(i) ? 0.97 : 0.01)));
    const motif = { id: 'W', altId: '', probs, nsites: 20, source: 'test' };
    const compiled = compileMotif(motif, 0, UNIFORM_BACKGROUND, 1e-4);
    expect(compiled.forward.secondWidth).toBe(0);
    const site = Array.from({ length: width }, (_, i) => 'ACGT'[letterAt(i)]).join('');
    // The site, then the site with an N in column 9. Every column prunes alike, so a second block
    // would have been columns 7–12, right after the first (0–6), and would have had to refuse it.
    const withN = site.slice(0, 9) + 'N' + site.slice(10);
    const sequence = `GG${site}TT${withN}CC`;
    const hits = scanMotifs([motif], [{ name: 's', sequence }], { background: UNIFORM_BACKGROUND }).hits;
    const { got, expected } = againstBruteForce(motif, [sequence], UNIFORM_BACKGROUND, 1e-4, hits);
    expect(got).toEqual(expected);
    expect(hits.some((h) => h.start === 2 && h.strand === '+')).toBe(true);
    expect(hits.some((h) => h.start === 2 + width + 2)).toBe(false);
  });

  it('counts each sequence\'s scanned windows (the m of its q-values): every window on both strands, none with an N', () => {
    const probs = Array.from({ length: 6 }, () => [0.7, 0.1, 0.1, 0.1]);
    const motif = { id: 'A6', altId: '', probs, nsites: 10, source: 'test' };
    const result = scanMotifs([motif], [{ name: 'a', sequence: 'ACGT'.repeat(10) }, { name: 'b', sequence: `${'ACGT'.repeat(5)}N${'ACGT'.repeat(5)}` }],
      { background: UNIFORM_BACKGROUND });
    // 40 − 6 + 1 = 35 windows; 41 − 6 + 1 = 36, less the 6 that hold the N.
    expect(result.scannedWindowsBySequence).toEqual([70, 60]);
    expect(result.scannedWindows).toBe(130);
  });

  it('uses the symmetrised background when scanning both strands', () => {
    const r = scanMotifs([], [{ name: 's', sequence: 'ACGT' }], { background: [0.4, 0.3, 0.2, 0.1] });
    expect(r.background).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(method = "BH") on a vector with ties, given the number of tests', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.04, 0.5), "BH") = 0.05 0.05 0.05 0.05 0.5
    expect(Array.from(benjaminiHochberg([0.01, 0.04, 0.03, 0.04, 0.5], 5)).map((q) => Number(q.toFixed(10)))).toEqual([0.05, 0.05, 0.05, 0.05, 0.5]);
    // With 100 tests of which only these two were kept: q = min(p·m/rank) from the top.
    expect(Array.from(benjaminiHochberg([1e-4, 2e-5], 100))).toEqual([0.005, 0.002]);
  });
});

describe('kmerIndex', () => {
  it('lists where each k-mer occurs, ascending, leaving out k-mers with an unknown letter', () => {
    // A C A C N A C  →  2-mers AC CA AC (CN, NA: unknown) AC (past the end: none)
    const index = kmerIndex(kmerCodes(Uint8Array.from([0, 1, 0, 1, 4, 0, 1]), 2), 2);
    expect(index.offsets.length).toBe(17);
    const at = (code: number) => [...index.positions.subarray(index.offsets[code], index.offsets[code + 1])];
    expect(at(0b0001)).toEqual([0, 2, 5]);
    expect(at(0b0100)).toEqual([1]);
    expect(index.positions.length).toBe(4);
  });
});

describe('kmerCodes', () => {
  it('numbers each k-mer in base 4 (A = 0 … T = 3) and gives 4^k to one with an unknown letter or past the end', () => {
    // A C G T N A C  →  codes 0 1 2 3 4 0 1
    const codes = Uint8Array.from([0, 1, 2, 3, 4, 0, 1]);
    expect([...kmerCodes(codes, 2)]).toEqual([0b0001, 0b0110, 0b1011, 16, 16, 0b0001, 16]);
    expect([...kmerCodes(codes, 3)]).toEqual([0b000110, 0b011011, 64, 64, 64, 64, 64]);
  });
});
