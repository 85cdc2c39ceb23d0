// The order export files list chromosomes in. UCSC's bedGraphToBigWig (and bedToBigBed) refuse a
// file that is not sorted as `sort -k1,1 -k2,2n` sorts it in the C locale: chromosomes compared
// byte by byte (strcmp; chr1 < chr10 < chr2 < chrX), then start ascending. A region run's files are
// on a genome, so they come out in that order and convert without a `sort` first. The records of a
// plain FASTA are each a "chromosome" of their own: their files keep the FASTA's order, which is
// the order the app, out.json and sequences.tsv list them in.

/** 'genome': byte order of the names (regions of a genome); 'records': order of first appearance. */
export type ChromOrder = 'genome' | 'records';

/**
 * Compares names as strcmp compares their UTF-8 bytes. UTF-8 byte order is code point order; JS's
 * `<` compares UTF-16 code units, which differs for characters past U+FFFF against U+E000–U+FFFF.
 */
export function compareChromBytes(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return a.length - i === b.length - j ? 0 : a.length - i < b.length - j ? -1 : 1;
}

/** A comparator of chromosome names in `order`, over the names `all` (first appearance counts). */
export function chromComparator(order: ChromOrder, all: Iterable<string>): (a: string, b: string) => number {
  if (order === 'genome') return compareChromBytes;
  const rank = new Map<string, number>();
  for (const c of all) if (!rank.has(c)) rank.set(c, rank.size);
  return (a, b) => rank.get(a)! - rank.get(b)!;
}
