import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMotifFile, parseMotifs, detectMotifFormat } from '../../../../src-main/engine/motifs/read-motifs';
import { formatMeme } from '../../../../src-main/engine/motifs/write-meme';
import { AppError } from '../../../../src-main/shared/errors';

const fx = (name: string): string => join(__dirname, '../../../fixtures/genomics', name);
const jasparPath = join(__dirname, '../../../../resources/jaspar/JASPAR2024_CORE_vertebrates_non-redundant_pfms_transfac.txt');

const ARNT = [
  [0.2, 0.8, 0, 0],
  [0.95, 0, 0.05, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [0, 0, 0, 1],
  [0, 0, 1, 0],
];

function expectRowsClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 9)));
}

describe('motif readers', () => {
  it.each([
    ['motif.meme', 'meme'],
    ['motif.jaspar', 'jaspar'],
    ['motif.pfm', 'pfm'],
    ['motif.transfac', 'transfac'],
  ])('read the same Arnt matrix, id, name and nsites from %s', async (file, format) => {
    const motifs = await readMotifFile(fx(file));
    expect(detectMotifFormat(readFileSync(fx(file), 'utf8'), file)).toBe(format);
    expect(motifs[0].id).toBe('MA0004.1');
    expect(motifs[0].altId).toBe('Arnt');
    expect(motifs[0].nsites).toBe(20);
    expect(motifs[0].source).toBe(file);
    expectRowsClose(motifs[0].probs, ARNT);
    expect(motifs[1].id).toBe('TINY');
  });

  it('turns counts into probabilities by column total', async () => {
    const [, tiny] = await readMotifFile(fx('motif.jaspar'));
    expectRowsClose(tiny.probs, [[0.5, 0.5, 0, 0], [0.1, 0.2, 0.3, 0.4]]);
    expect(tiny.nsites).toBe(10);
  });

  it('leaves nsites null when a MEME motif does not state it', async () => {
    const [, tiny] = await readMotifFile(fx('motif.meme'));
    expect(tiny.nsites).toBeNull();
  });

  it('renormalises a probability row that does not sum to 1 and warns', () => {
    const warnings: string[] = [];
    const [m] = parseMotifs(readFileSync(fx('unnormalised.meme'), 'utf8'), 'unnormalised.meme', warnings);
    expectRowsClose(m.probs, [[0.5 / 1.9, 0.5 / 1.9, 0.5 / 1.9, 0.4 / 1.9]]);
    expect(warnings).toEqual(["unnormalised.meme:4: motif 'U' position 1 sums to 1.9000; renormalised to 1"]);
  });

  it('reports a matrix shorter than its declared width with file and line', () => {
    const text = readFileSync(fx('bad-width.meme'), 'utf8');
    expect(() => parseMotifs(text, 'bad-width.meme')).toThrow("bad-width.meme:4: motif 'X' declares w= 3 but has 2 rows");
  });

  it('rejects a file in no motif format with a clear message', async () => {
    const err = await readMotifFile(fx('not-motifs.txt')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_MOTIFS');
    expect((err as AppError).message).toContain("not a recognised motif file (expected MEME, JASPAR, JASPAR PFM or TRANSFAC format; first line is 'hello')");
  });

  it('loads the bundled JASPAR 2024 vertebrates file (879 motifs) in well under a second', async () => {
    // CPU time, not wall time: CI and parallel test workers share two cores, and a loaded machine
    // would otherwise fail a test about our own parsing cost (~60 ms measured).
    const c0 = process.cpuUsage();
    const motifs = await readMotifFile(jasparPath);
    const ms = process.cpuUsage(c0).user / 1000;
    expect(motifs.length).toBe(879);
    expect(ms).toBeLessThan(500);
    for (const m of motifs) for (const row of m.probs) expect(Math.abs(row[0] + row[1] + row[2] + row[3] - 1)).toBeLessThan(1e-9);
    expect(motifs[0]).toMatchObject({ id: 'MA0004.1', altId: 'Arnt', nsites: 20 });
  });

  it('writes MEME text that reads back to the same motifs', async () => {
    const motifs = await readMotifFile(fx('motif.transfac'));
    const back = parseMotifs(formatMeme(motifs), 'roundtrip.meme');
    expect(back.map((m) => [m.id, m.altId, m.nsites])).toEqual(motifs.map((m) => [m.id, m.altId, m.nsites]));
    back.forEach((m, i) => expectRowsClose(m.probs, motifs[i].probs.map((r) => r.map((v) => Number(v.toFixed(6))))));
  });
});
