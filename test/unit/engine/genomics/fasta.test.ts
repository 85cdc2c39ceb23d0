import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFastaAll, readFasta } from '../../../../src-main/engine/genomics/fasta';
import { AppError } from '../../../../src-main/shared/errors';

const fx = (name: string): string => join(__dirname, '../../../fixtures/genomics', name);

async function fastaError(name: string): Promise<AppError> {
  try {
    await readFastaAll(fx(name));
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${name} parsed without error`);
}

describe('readFasta', () => {
  it('reads multi-line records, upper-cases them and counts soft-masked and unknown letters', async () => {
    const recs = await readFastaAll(fx('basic.fa'));
    expect(recs).toEqual([
      { name: 'seq1', description: 'first record', sequence: 'ACGTACGTNNRYSW', lowercaseCount: 4, unknownCount: 6, headerLine: 1, index: 0 },
      { name: 'seq2', description: '', sequence: 'GGGG', lowercaseCount: 0, unknownCount: 0, headerLine: 5, index: 1 },
    ]);
  });

  it('accepts CRLF line endings and blank lines between records', async () => {
    const recs = await readFastaAll(fx('crlf.fa'));
    expect(recs.map((r) => [r.name, r.description, r.sequence, r.headerLine])).toEqual([
      ['chrA', 'some  description', 'ACGTACGT', 1],
      ['chrB', '', 'NNAC', 5],
    ]);
  });

  it('reads bgzip-style multi-member gzip transparently', async () => {
    const recs = await readFastaAll(fx('multi-member.fa.gz'));
    expect(recs.map((r) => [r.name, r.sequence])).toEqual([['m1', 'ACGTACGTAC'], ['m2', 'TTTT']]);
  });

  it('ignores a UTF-8 byte-order mark at the start of the file', async () => {
    expect((await readFastaAll(fx('bom.fa'))).map((r) => [r.name, r.sequence])).toEqual([['bom', 'ACGT']]);
  });

  it('names file, record, line and column for an invalid character', async () => {
    const e = await fastaError('bad-char.fa');
    expect(e.code).toBe('BAD_FASTA');
    expect(e.message).toBe(`${fx('bad-char.fa')}: record 'chr2' (record 2), line 5, column 3: unexpected character 'X' (expected A, C, G, T, N or an IUPAC code)`);
  });

  it('reports an empty record with its name and header line', async () => {
    const e = await fastaError('empty-record.fa');
    expect(e.message).toBe(`${fx('empty-record.fa')}: record 'b' (record 2, header at line 3) has no sequence`);
  });

  it('says a text file without a header is not FASTA', async () => {
    const e = await fastaError('not-fasta.txt');
    expect(e.message).toBe(`${fx('not-fasta.txt')}: not a FASTA file: line 1, column 1 starts with 't' where a '>' header was expected`);
  });

  it('says a binary file is binary', async () => {
    const e = await fastaError('binary.bin');
    expect(e.message).toBe(`${fx('binary.bin')}: is a binary file, not FASTA text`);
  });

  it('says a truncated gzip is truncated', async () => {
    const e = await fastaError('truncated.fa.gz');
    expect(e.code).toBe('BAD_FASTA');
    expect(e.message).toBe(`${fx('truncated.fa.gz')}: truncated gzip file (unexpected end of compressed data); the download or copy is probably incomplete`);
  });

  it('says a blank file contains no records', async () => {
    const e = await fastaError('blank.fa');
    expect(e.message).toBe(`${fx('blank.fa')}: contains no FASTA records (the file is empty or blank)`);
  });

  it('rejects a header without a name', async () => {
    const e = await fastaError('no-name.fa');
    expect(e.message).toBe(`${fx('no-name.fa')}: line 1: header of record 1 has no name after '>'`);
  });

  it('reports a missing file as FILE_NOT_FOUND', async () => {
    const e = await fastaError('does-not-exist.fa');
    expect(e.code).toBe('FILE_NOT_FOUND');
  });

  it('yields records one at a time so a consumer can stop early', async () => {
    for await (const rec of readFasta(fx('basic.fa'))) {
      expect(rec.name).toBe('seq1');
      break;
    }
  });
});
