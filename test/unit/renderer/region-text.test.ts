import { describe, expect, it } from 'vitest';
import { parseRegionText, problemsByField } from '../../../src-renderer/src/lib/util/region-text';

describe('the New-run Regions field', () => {
  it('takes one region per line, or several separated by commas or spaces, as the service takes them', () => {
    expect(parseRegionText('chr1:101-500\n  chr2:10,001-10,400  \n\n').regions).toEqual(['chr1:101-500', 'chr2:10,001-10,400']);
    expect(parseRegionText('chr1:101-500, chr2:5-9 chrM').regions).toEqual(['chr1:101-500', 'chr2:5-9', 'chrM']);
    expect(parseRegionText('chr1:101-500,chr2:5-9').regions).toEqual(['chr1:101-500', 'chr2:5-9']);
    expect(parseRegionText('').regions).toEqual([]);
  });
  it('keeps a comma inside a number (thousands) but splits Ensembl names that start with a digit', () => {
    expect(parseRegionText('chr1:1,000,000-2,000,000').regions).toEqual(['chr1:1,000,000-2,000,000']);
    expect(parseRegionText('1:100-200,2:300-400').regions).toEqual(['1:100-200', '2:300-400']);
    expect(parseRegionText('1:1,000-2,000,2:3,000-4,000').regions).toEqual(['1:1,000-2,000', '2:3,000-4,000']);
    expect(parseRegionText('chr1:1,000').problems).toEqual([]);
  });
  it('says what is wrong with a region as it is typed: not a locus, position 0, end before start, given twice', () => {
    expect(parseRegionText('chr1:abc').problems).toEqual(['chr1:abc: expected chr:start-end (1-based, inclusive) or a sequence name']);
    expect(parseRegionText('chr1:0-100').problems).toEqual(['chr1:0-100: positions start at 1 (1-based, as genome browsers show them)']);
    expect(parseRegionText('chr1:500-100').problems).toEqual(['chr1:500-100: the end is before the start']);
    expect(parseRegionText('chr1:1-10 chr1:1-10').problems).toEqual(['chr1:1-10 is given twice: each region is one sequence of the run, named by it']);
    // Compared by the bases they name, not as text.
    expect(parseRegionText('chr1:1,001-1,200 chr1:1001-1200').problems).toEqual(['chr1:1001-1200 is the same region as chr1:1,001-1,200: each region is one sequence of the run, give it once']);
    expect(parseRegionText('chr1:1001-1200 chr1:1001-1201 chr1:1001').problems).toEqual([]);
    // A whole record, a region to the chromosome's end and a one-base region are all fine.
    expect(parseRegionText('chrX chr1:5 chr1:7-7').problems).toEqual([]);
  });
  it('puts each of the host’s problems by the field it is about: the BED file or the typed regions', () => {
    const message = [
      "region 'chr3:1-10': no sequence named 'chr3' in the FASTA index",
      "peaks.bed:4: extends past the end of 'chr1' (length 1,000 bp)",
      'peaks.bed:5: region name "A" is given twice (also peaks.bed:1); results are looked up by name: …',
    ].join('\n');
    expect(problemsByField(message, 'peaks.bed')).toEqual({ typed: [message.split('\n')[0]], bed: message.split('\n').slice(1) });
    expect(problemsByField('no regions to explain in genome.fa: peaks.bed lists none', 'peaks.bed')).toEqual({ typed: [], bed: ['no regions to explain in genome.fa: peaks.bed lists none'] });
    expect(problemsByField('peaks.bed:1: x\npeaks.bed:2: y\n… and 3 more problems', 'peaks.bed')).toEqual({ typed: [], bed: ['peaks.bed:1: x', 'peaks.bed:2: y', '… and 3 more problems'] });
    expect(problemsByField("chr1:900-1001: extends past the end of 'chr1'", null)).toEqual({ typed: ["chr1:900-1001: extends past the end of 'chr1'"], bed: [] });
  });
});
