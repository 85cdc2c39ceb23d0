import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFai, formatFai, loadOrBuildFai } from '../../../../src-main/engine/genomics/fai';
import { fetchRegion, parseRegion, readRegions } from '../../../../src-main/engine/genomics/region';
import { readBed } from '../../../../src-main/engine/genomics/bed-reader';
import { readFastaAll } from '../../../../src-main/engine/genomics/fasta';
import { formatFasta } from '../../../../src-main/engine/genomics/fasta-writer';

const fx = (name: string): string => join(__dirname, '../../../fixtures/genomics', name);

describe('.fai index', () => {
  it('matches the samtools faidx columns computed by hand', async () => {
    // chr1: header '>chr1 desc\n' is 11 bytes, 25 bases in lines of 10 (+1 newline byte);
    // chr2 starts at 11 + 11 + 11 + 6 = 39, its header is 6 bytes, so its bases start at 45.
    expect(formatFai(await buildFai(fx('indexed.fa')))).toBe('chr1\t25\t11\t10\t11\nchr2\t11\t45\t10\t11\n');
  });

  it('counts CRLF line ends in line bytes, as samtools does', async () => {
    expect(formatFai(await buildFai(fx('indexed-crlf.fa')))).toBe('chr1\t14\t7\t6\t8\n');
  });

  it('refuses records whose lines have different lengths, naming record and line', async () => {
    await expect(buildFai(fx('ragged.fa'))).rejects.toThrow("record 'bad': line 4 has a different length from the lines before it");
  });

  it('writes the index next to the FASTA when it is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-fai-'));
    copyFileSync(fx('indexed.fa'), join(dir, 'g.fa'));
    await loadOrBuildFai(join(dir, 'g.fa'));
    expect(readFileSync(join(dir, 'g.fa.fai'), 'utf8')).toBe('chr1\t25\t11\t10\t11\nchr2\t11\t45\t10\t11\n');
  });

  it('fetches exactly the bases of any region, for any line width and line ending', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-region-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...'ACGTNacgt'), { minLength: 1, maxLength: 200 }).map((a) => a.join('')),
        fc.integer({ min: 1, max: 70 }),
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        async (seq, width, crlf, a, b) => {
          const path = join(dir, `f${n++}.fa`);
          writeFileSync(path, formatFasta([{ name: 'x', sequence: 'ACGT' }, { name: 'chrQ', description: 'q', sequence: seq }], width, crlf ? '\r\n' : '\n'));
          const index = await buildFai(path);
          const start = a % seq.length;
          const end = start + 1 + (b % (seq.length - start));
          const got = await fetchRegion(path, index[1], { chrom: 'chrQ', start, end, name: 'r' });
          expect(got).toBe(seq.slice(start, end).toUpperCase());
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('regions', () => {
  it('reads chr:start-end (1-based inclusive) and BED intervals (0-based) as the same bases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-reg-'));
    copyFileSync(fx('indexed.fa'), join(dir, 'g.fa'));
    const [whole] = await readFastaAll(join(dir, 'g.fa'));
    const out = await readRegions(join(dir, 'g.fa'), {
      strings: ['chr1:11-14', 'chr2', 'chr1:2-3'],
      bed: { intervals: await readBed(fx('regions.bed')), fileName: 'regions.bed' },
    });
    expect(out.map((r) => [r.name, r.start, r.end, r.sequence])).toEqual([
      ['chr1:11-14', 10, 14, whole.sequence.slice(10, 14)],
      ['chr2', 0, 11, 'TTTTGGGGCCA'],
      ['chr1:2-3', 1, 3, 'CG'],
      ['first', 0, 10, 'ACGTACGTAC'],
      ['chr2:3-5', 2, 5, 'TTG'],
    ]);
    expect(existsSync(join(dir, 'g.fa.fai'))).toBe(true);
  });

  it('rejects a region past the end of its sequence, naming the length', async () => {
    const index = await buildFai(fx('indexed.fa'));
    expect(() => parseRegion('chr2:5-20', index)).toThrow("chr2:5-20: extends past the end of 'chr2' (length 11 bp)");
    expect(parseRegion('chr1:1,0-2,0', index)).toMatchObject({ start: 9, end: 20 });
    expect(() => parseRegion('chrX:1-2', index)).toThrow("no sequence named 'chrX'");
  });
});

describe('BED reader', () => {
  it('skips track and comment lines and keeps name, score and strand', async () => {
    expect(await readBed(fx('regions.bed'))).toEqual([
      { chrom: 'chr1', start: 0, end: 10, name: 'first', score: 5, strand: '+', line: 3 },
      { chrom: 'chr2', start: 2, end: 5, line: 4 },
    ]);
  });

  it('names file and line of a negative interval', async () => {
    await expect(readBed(fx('negative.bed'))).rejects.toThrow(`${fx('negative.bed')}:2: negative coordinate (-1, 4); BED coordinates are 0-based and non-negative`);
  });

  it('names file and line of a reversed interval', async () => {
    await expect(readBed(fx('reversed.bed'))).rejects.toMatchObject({ code: 'BAD_BED', message: `${fx('reversed.bed')}:2: reversed interval (end 4 < start 9)` });
  });
});
