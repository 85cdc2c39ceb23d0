import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFai, formatFai, loadOrBuildFai } from '../../../../src-main/engine/genomics/fai';
import { checkRegions, fetchRegion, parseRegion, readRegions, resolveRegions } from '../../../../src-main/engine/genomics/region';
import { parseBed as parseBedText, readBed } from '../../../../src-main/engine/genomics/bed-reader';
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

  it('names a BED region whose name holds spaces with _ in their place, as its BED and file lines can hold it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-reg-'));
    copyFileSync(fx('indexed.fa'), join(dir, 'g.fa'));
    const bed = parseBedText('chr1\t0\t10\tpeak one\nchr1\t2\t8\t CTCF  site\t0\t+\nchr2\t0\t5\t \n', 'spaces.bed');
    const out = await readRegions(join(dir, 'g.fa'), { bed: { intervals: bed, fileName: 'spaces.bed' } });
    // Only blanks: no name, so chr:start-end, as a BED without the column.
    expect(out.map((r) => r.name)).toEqual(['peak_one', 'CTCF__site', 'chr2:1-5']);
    // `peak one` and `peak_one` would be the same name in every file: refused as a name given twice.
    const twice = parseBedText('chr1\t0\t10\tpeak one\nchr2\t0\t5\tpeak_one\n', 'twice.bed');
    const { problems } = await checkRegions(join(dir, 'g.fa'), { bed: { intervals: twice, fileName: 'twice.bed' } });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('twice.bed:2: region name "peak_one" is given twice (also twice.bed:1)')]);
  });

  it('rejects a region past the end of its sequence, naming the length', async () => {
    const index = await buildFai(fx('indexed.fa'));
    expect(() => parseRegion('chr2:5-20', index)).toThrow("chr2:5-20: extends past the end of 'chr2' (length 11 bp)");
    expect(parseRegion('chr1:1,0-2,0', index)).toMatchObject({ start: 9, end: 20 });
    expect(() => parseRegion('chrX:1-2', index)).toThrow("no sequence named 'chrX'");
  });
});

describe('a stale .fai', () => {
  /** A deterministic sequence with every base (a stale index would read shifted letters silently). */
  const letters = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => 'ACGT'[(i * 7 + seed + ((i * i) % 11)) % 4]).join('');
  const chr1 = letters(1000, 1);
  const chr2 = letters(1000, 2);
  /** The FASTA rewritten after its .fai: other line lengths and a record in front. */
  const rewritten = (dir: string): string => {
    const path = join(dir, 'g.fa');
    writeFileSync(path, formatFasta([{ name: 'chr1', sequence: chr1 }, { name: 'chr2', sequence: chr2 }], 60, '\n'));
    return path;
  };

  it('is rebuilt in place when the FASTA is newer, with a note, and the letters are right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-stale-'));
    const path = rewritten(dir);
    await loadOrBuildFai(path);
    writeFileSync(path, formatFasta([{ name: 'chr0', sequence: letters(300, 3) }, { name: 'chr1', sequence: chr1 }, { name: 'chr2', sequence: chr2 }], 70, '\n'));
    const earlier = Date.now() / 1000 - 100;
    utimesSync(`${path}.fai`, earlier, earlier);
    const notes: string[] = [];
    const index = await loadOrBuildFai(path, (n) => notes.push(n));
    expect(index.map((e) => e.name)).toEqual(['chr0', 'chr1', 'chr2']);
    expect(notes).toEqual([`${path} was modified after its index ${path}.fai: rebuilt the index in place`]);
    expect(readFileSync(`${path}.fai`, 'utf8')).toBe(formatFai(await buildFai(path)));
    const resolved = await resolveRegions(path, { strings: ['chr2:701-900'] });
    expect(resolved.notes).toEqual([]);
    expect((await readRegions(path, { strings: ['chr2:701-900'] }))[0].sequence).toBe(chr2.slice(700, 900));
  });

  it('is rebuilt when it does not end where the FASTA ends, even with an older FASTA time stamp', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-stale-'));
    const path = rewritten(dir);
    await loadOrBuildFai(path);
    writeFileSync(path, formatFasta([{ name: 'chr0', sequence: letters(300, 3) }, { name: 'chr1', sequence: chr1 }, { name: 'chr2', sequence: chr2 }], 70, '\n'));
    const earlier = Date.now() / 1000 - 100;
    utimesSync(path, earlier, earlier);
    const { resolved } = await checkRegions(path, { strings: ['chr2:701-900'] });
    expect(resolved.notes[0]).toMatch(/\.fai does not match .*g\.fa \(its last record 'chr2' should end at byte \d+; the file has \d+ bytes\): rebuilt the index in place$/);
    expect((await readRegions(path, { strings: ['chr2:701-900'] }))[0].sequence).toBe(chr2.slice(700, 900));
  });

  it('cannot put a line end or any other non-base byte into the letters of a region', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-stale-'));
    const path = join(dir, 'g.fa');
    // Lines of 70 read as lines of 60: as many bytes as bases, so a count alone cannot tell.
    writeFileSync(path, formatFasta([{ name: 'chr1', sequence: chr1 }], 70, '\n'));
    const wrong = { name: 'chr1', lengthBp: 1000, offset: 6, lineBases: 60, lineBytes: 61 };
    await expect(fetchRegion(path, wrong, { chrom: 'chr1', start: 0, end: 200, name: 'r' })).rejects.toThrow(/expected a line end at byte 66 in 'chr1' within r; the \.fai index does not describe/);
    const past = { ...wrong, offset: 900 };
    await expect(fetchRegion(path, past, { chrom: 'chr1', start: 0, end: 200, name: 'r' })).rejects.toThrow(/region r lies past the end of the file/);
  });
});

describe('a set of regions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plrp-set-'));
  const fa = join(dir, 'g.fa');
  copyFileSync(fx('indexed.fa'), fa);
  const bed = (name: string, text: string): { intervals: ReturnType<typeof parseBedText>; fileName: string } => ({ intervals: parseBedText(text, name), fileName: name });

  it('is refused when empty, too long or a name repeats, saying where each region came from and what to do', async () => {
    await expect(resolveRegions(fa, { bed: bed('none.bed', 'track name=x\n') })).rejects.toThrow(`no regions to explain in ${fa}: none.bed lists none`);
    await expect(resolveRegions(fa, { strings: ['chr1:1-10', 'chr1:1-10'] })).rejects.toThrow(
      '--region chr1:1-10: region name "chr1:1-10" is given twice (also --region chr1:1-10); results are looked up by name: the same region is given twice; give it once');
    await expect(resolveRegions(fa, { bed: bed('a.bed', 'chr1\t0\t5\tA\nchr2\t0\t5\tA\n') })).rejects.toThrow(
      'a.bed:2: region name "A" is given twice (also a.bed:1); results are looked up by name: give every region its own name in the BED file\'s 4th column');
    // The same region in other words: commas, a whole sequence's name, or typed and again in the BED.
    await expect(resolveRegions(fa, { strings: ['chr1', 'chr1:1-25'] })).rejects.toThrow(
      '--region chr1:1-25 is the same place as --region chr1 (chr1:1-25): each region is one sequence of the run; give it once');
    await expect(resolveRegions(fa, { strings: ['chr2'], bed: bed('b.bed', 'chr1\t0\t5\nchr2\t0\t11\tpeak\n') })).rejects.toThrow(
      'b.bed:2: region peak is the same place as --region chr2 (chr2:1-11): each region is one sequence of the run; give it once');
    await expect(resolveRegions(fa, { strings: ['chr2:1-5'], bed: bed('c.bed', 'chr2\t0\t5\n') })).rejects.toThrow('c.bed:1: region name "chr2:1-5" is given twice (also --region chr2:1-5)');
    // A 0-bp BED line has nothing to explain; it is named by its file and line, not as a FASTA record.
    await expect(resolveRegions(fa, { bed: bed('zero.bed', 'chr1\t0\t5\nchr1\t3\t3\tz\n') })).rejects.toThrow(
      "zero.bed:2: region 'z' is empty (start 3, end 3); a region to explain needs at least 1 bp");
    // Two BED lines named apart at one place (peaks of two factors) stay two regions.
    expect((await resolveRegions(fa, { bed: bed('d.bed', 'chr2\t0\t5\tGATA1\nchr2\t0\t5\tTAL1\n') })).regions.map((r) => r.name)).toEqual(['GATA1', 'TAL1']);
    await expect(resolveRegions(fa, { strings: ['chr1:3-25'], bed: bed('big.bed', 'chr2\t0\t11\tbigpeak\n') }, 20)).rejects.toThrow(
      "--region chr1:3-25: region 'chr1:3-25' (chr1:3-25) is 23 bp; regions of up to 20 bp are explained in one piece. Cut it into smaller regions");
    const { problems } = await checkRegions(fa, { strings: ['chr1:3-25'], bed: bed('big.bed', 'chr2\t0\t11\tbigpeak\nchr2\t0\t30\n') }, 10);
    // All at once (New run lists them): the line past the end, and the rest of the set's problems.
    expect(problems.map((p) => p.message.split(';')[0])).toEqual([
      "big.bed:2: extends past the end of 'chr2' (length 11 bp)",
      "--region chr1:3-25: region 'chr1:3-25' (chr1:3-25) is 23 bp",
      "big.bed:1: region 'bigpeak' (chr2:1-11) is 11 bp",
    ]);
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
