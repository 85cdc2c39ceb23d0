import { describe, expect, it } from 'vitest';
import { hitLabel, markStaysInView, parseJump, sameHit } from '../../../src-renderer/src/lib/tracks/jump-target';
import { trackOrder } from '../../../src-renderer/src/lib/tracks/track-order';

describe('jump field', () => {
  const hit = (motifName: string, motifId: string, startBp: number, endBp: number, strand: '+' | '-' = '+') => ({ motifName, motifId, startBp, endBp, strand });
  const hits = [hit('GATA1', 'MA0035.5', 500, 510, '-'), hit('TAL1', 'MA0140.3', 20, 31), hit('GATA1', 'MA0035.5', 100, 110)];
  it('reads 1-based positions and ranges, with or without thousands separators, as 0-based regions', () => {
    expect(parseJump('25,000-25,100', 50_000, [])).toMatchObject({ startBp: 24_999, endBp: 25_100, fill: 1 });
    expect(parseJump(' 25000 – 25100 ', 50_000, [])).toMatchObject({ startBp: 24_999, endBp: 25_100 });
    expect(parseJump('25100..25000', 50_000, [])).toMatchObject({ startBp: 24_999, endBp: 25_100 });
    expect(parseJump('7', 10, [])).toMatchObject({ startBp: 6, endBp: 7 });
    expect(parseJump('5-99', 10, [])).toMatchObject({ startBp: 4, endBp: 10 });
    expect(parseJump('   ', 10, [])).toBeNull();
  });
  it('marks a single position it jumped to, but not a range, which fills the view', () => {
    expect(parseJump('1,204', 50_000, [])).toMatchObject({ mark: { startBp: 1203, endBp: 1204, label: 'position 1,204' }, note: 'position 1,204' });
    expect(parseJump('1204-1300', 50_000, [])).toMatchObject({ mark: null, note: '' });
  });
  it('says why nothing happened: an unknown motif or a position past the end', () => {
    expect(parseJump('abc', 1000, hits)).toEqual({ error: "no hit of 'abc' in this sequence" });
    expect(parseJump('60,000', 50_000, [])).toEqual({ error: '60,000 is past the end (50,000 bp)' });
    expect(parseJump('0', 50_000, [])).toEqual({ error: 'positions start at 1' });
    expect(parseJump('-5', 50_000, [])).toEqual({ error: 'positions start at 1' });
  });
  it('walks through a motif\'s hits in position order, case-insensitively, and wraps around', () => {
    const first = parseJump('gata1', 1000, hits);
    expect(first).toMatchObject({ startBp: 100, endBp: 110, fill: 0.5, hitIndex: 0, note: 'GATA1 (MA0035.5) 101–110 +, hit 1 of 2; Jump again for the next' });
    // The highlight follows the walk: each jump marks the hit it went to, and names it.
    expect(parseJump('gata1', 1000, hits, 0)).toMatchObject({
      startBp: 500,
      hitIndex: 1,
      mark: { startBp: 500, endBp: 510, hit: hits[0], label: 'GATA1 (MA0035.5) 501–510 −, hit 2 of 2' },
    });
    expect(parseJump('gata1', 1000, hits, 1)).toMatchObject({ startBp: 100, hitIndex: 0, mark: { startBp: 100 } });
    expect(parseJump('TAL1', 1000, hits)).toMatchObject({ startBp: 20, note: 'TAL1 (MA0140.3) 21–31 +' });
  });
  it('finds a dimer by either partner and a family by its prefix, naming the motif it found', () => {
    const jaspar = [hit('TAL1::TCF3', 'MA0091.1', 40, 58), hit('Gata4', 'MA0482.2', 300, 309), ...hits];
    expect(parseJump('tal1', 1000, jaspar)).toMatchObject({ startBp: 20, note: 'TAL1 (MA0140.3) 21–31 +' });
    expect(parseJump('TCF3', 1000, jaspar)).toMatchObject({ startBp: 40, note: 'TAL1::TCF3 (MA0091.1) 41–58 +' });
    expect(parseJump('gata', 1000, jaspar)).toMatchObject({ startBp: 100, note: 'GATA1 (MA0035.5) 101–110 +, hit 1 of 3; Jump again for the next' });
    expect(parseJump('gata', 1000, jaspar, 0)).toMatchObject({ startBp: 300, mark: { hit: { motifName: 'Gata4' }, label: 'Gata4 (MA0482.2) 301–309 +, hit 2 of 3' } });
  });
  it('tells apart the hits on both strands of the same bases, so the walk and the outline follow each', () => {
    const both = [hit('RFX2', 'MA0600.3', 75, 89, '+'), hit('RFX2', 'MA0600.3', 75, 89, '-')];
    const first = parseJump('RFX2', 1000, both);
    const second = parseJump('RFX2', 1000, both, 0);
    expect(first).toMatchObject({ note: 'RFX2 (MA0600.3) 76–89 +, hit 1 of 2; Jump again for the next' });
    expect(second).toMatchObject({ note: 'RFX2 (MA0600.3) 76–89 −, hit 2 of 2; Jump again for the next' });
    expect(sameHit(both[0], { ...both[0] })).toBe(true);
    expect(sameHit(both[0], both[1])).toBe(false);
    expect(sameHit(both[0], { ...both[0], motifId: 'MA0600.2' })).toBe(false);
  });
  it('labels a hit with its motif, id, 1-based bases with separators and strand, and which hit it is', () => {
    expect(hitLabel(hit('GATA1', 'MA0035.5', 1203, 1213), 1, 7)).toBe('GATA1 (MA0035.5) 1,204–1,213 +, hit 2 of 7');
    expect(hitLabel(hit('TCF3', 'MA0522.4', 24_999, 25_009, '-'), 0, 1)).toBe('TCF3 (MA0522.4) 25,000–25,009 −');
  });
  it('keeps the highlight through a small pan or a zoom out, and drops it once the view is a width away', () => {
    const mark = { startBp: 1000, endBp: 1010 };
    expect(markStaysInView(mark, { startBp: 980, endBp: 1030 })).toBe(true);
    // Panned so the hit is just off the left edge, by less than the view's 50 bp: still kept.
    expect(markStaysInView(mark, { startBp: 1040, endBp: 1090 })).toBe(true);
    expect(markStaysInView(mark, { startBp: 1061, endBp: 1111 })).toBe(false);
    expect(markStaysInView(mark, { startBp: 900, endBp: 949 })).toBe(false);
    expect(markStaysInView(mark, { startBp: 0, endBp: 50_000 })).toBe(true);
  });
});

describe('relevance track order', () => {
  const e = (id: string, method: string, p?: number) => ({ id, method, canonical: JSON.stringify({ method, composite: 'epsilon-plus', ...(p === undefined ? {} : { p }) }) });
  it('puts LRP first, then each PLRP method by increasing p, whatever order the run lists them in', () => {
    const run = [e('l-0.5', 'plrp-lambda', 0.5), e('m-0.5', 'plrp-m', 0.5), e('lrp', 'lrp'), e('l-0.1', 'plrp-lambda', 0.1), e('m-0.2', 'plrp-m', 0.2), e('l-0.9', 'plrp-lambda', 0.9)];
    expect(trackOrder(run)).toEqual(['lrp', 'l-0.1', 'l-0.5', 'l-0.9', 'm-0.2', 'm-0.5']);
  });
});

describe('jump field on a region of a genome', () => {
  // The region chr2:10,001-10,400: its 0-based position 0 is chr2:10,001.
  const place = { chrom: 'chr2', startBp: 10_000 };
  it('reads positions on the chromosome, with or without its name', () => {
    expect(parseJump('10,050-10,100', 400, [], -1, place)).toMatchObject({ startBp: 49, endBp: 100 });
    expect(parseJump('chr2:10,050-10,100', 400, [], -1, place)).toMatchObject({ startBp: 49, endBp: 100 });
    expect(parseJump('chr2:10001', 400, [], -1, place)).toMatchObject({ startBp: 0, endBp: 1 });
    // A range reaching past the region is cut to it.
    expect(parseJump('9,000-10,010', 400, [], -1, place)).toMatchObject({ startBp: 0, endBp: 10 });
  });
  it('says when a position is outside the region or on another chromosome', () => {
    expect(parseJump('50', 400, [], -1, place)).toEqual({ error: 'chr2:50 is outside this region (chr2:10,001–10,400)' });
    expect(parseJump('chr2:10,401-10,500', 400, [], -1, place)).toEqual({ error: 'chr2:10,401–10,500 is outside this region (chr2:10,001–10,400)' });
    expect(parseJump('chr3:10,050', 400, [], -1, place)).toEqual({ error: 'this region is on chr2, not chr3' });
  });
  it('still finds motifs, dimers included, and names the hit and a marked position on the chromosome', () => {
    const hits = [{ motifName: 'TAL1::TCF3', motifId: 'MA0091.2', startBp: 40, endBp: 58, strand: '-' as const }];
    expect(parseJump('TAL1::TCF3', 400, hits, -1, place)).toMatchObject({ startBp: 40, endBp: 58, note: 'TAL1::TCF3 (MA0091.2) chr2:10,041–10,058 −' });
    expect(parseJump('10,050', 400, [], -1, place)).toMatchObject({ startBp: 49, endBp: 50, note: 'position chr2:10,050', mark: { startBp: 49, endBp: 50 } });
  });
});
