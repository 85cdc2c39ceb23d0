import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../../../src-main/cli/commands/scan';
import { main } from '../../../../src-main/cli/main';
import { parseBed } from '../../../../src-main/engine/genomics/bed-reader';

const fx = (name: string): string => join(__dirname, '../../../fixtures/genomics', name);
const base = { motifs: fx('scan-small.meme'), fasta: fx('scan-small.fa'), background: 'uniform', pvalue: '1e-4' };

describe('plrp scan', () => {
  it('writes FIMO TSV with the hand-computed hits, then comment lines saying how it was made', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'plrp-scan-')), 'hits.tsv');
    await runScan({ ...base, out });
    const text = readFileSync(out, 'utf8');
    const [table, comments] = text.split('\n\n');
    expect(table + '\n').toBe(readFileSync(fx('scan-small.expected.tsv'), 'utf8'));
    expect(comments).toContain('# background: uniform (averaged with its reverse complement): A=0.2500 C=0.2500 G=0.2500 T=0.2500');
    expect(comments).toContain('# 48 windows scanned');
  });

  it('writes BED (0-based half-open) when the output ends in .bed', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'plrp-scan-')), 'hits.bed');
    await runScan({ ...base, out });
    expect(parseBed(readFileSync(out, 'utf8'), out).map((b) => [b.chrom, b.start, b.end, b.strand])).toEqual([
      ['seq1', 4, 12, '+'],
      ['seq1', 16, 24, '-'],
      ['seq2', 10, 18, '+'],
    ]);
  });

  it('writes BED with the records in the FASTA\'s order, not the hits\' p-value order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plrp-scan-'));
    const fasta = join(dir, 'order.fa');
    // The first record's site has a mismatch, so the second record's exact site comes first by p-value.
    writeFileSync(fasta, '>late1\nAAAAGATTACTGTTTT\n>early2\nCCCCGATTACAGCCCC\n');
    const out = join(dir, 'hits.bed');
    await runScan({ ...base, fasta, pvalue: '1e-3', out });
    expect(parseBed(readFileSync(out, 'utf8'), out).map((b) => b.chrom)).toEqual(['late1', 'early2']);
  });

  it('uses the sequence composition as background when asked and says so', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'plrp-scan-')), 'hits.tsv');
    await runScan({ ...base, background: 'sequence', out });
    expect(readFileSync(out, 'utf8')).toMatch(/# background: sequence composition \(averaged with its reverse complement\): A=0\.\d{4} C=/);
  });

  it('exits with code 2 and a usage message for a bad p-value or output name', async () => {
    await expect(runScan({ ...base, pvalue: 'abc' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(runScan({ ...base, out: 'hits.txt' })).rejects.toMatchObject({ code: 'USAGE' });
    expect(await main(['scan', '--motifs', fx('scan-small.meme'), '--fasta', fx('bad-char.fa'), '--out', join(tmpdir(), 'x.tsv')])).toBe(2);
  });
});
