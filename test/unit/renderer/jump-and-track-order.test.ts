import { describe, expect, it } from 'vitest';
import { parseJump } from '../../../src-renderer/src/lib/tracks/jump-target';
import { trackOrder } from '../../../src-renderer/src/lib/tracks/track-order';

describe('jump field', () => {
  const hits = [
    { motifName: 'GATA1', startBp: 500, endBp: 510 },
    { motifName: 'TAL1', startBp: 20, endBp: 31 },
    { motifName: 'GATA1', startBp: 100, endBp: 110 },
  ];
  it('reads 1-based positions and ranges, with or without thousands separators, as 0-based regions', () => {
    expect(parseJump('25,000-25,100', 50_000, [])).toMatchObject({ startBp: 24_999, endBp: 25_100, fill: 1 });
    expect(parseJump(' 25000 – 25100 ', 50_000, [])).toMatchObject({ startBp: 24_999, endBp: 25_100 });
    expect(parseJump('25100..25000', 50_000, [])).toMatchObject({ startBp: 24_999, endBp: 25_100 });
    expect(parseJump('7', 10, [])).toMatchObject({ startBp: 6, endBp: 7 });
    expect(parseJump('5-99', 10, [])).toMatchObject({ startBp: 4, endBp: 10 });
    expect(parseJump('   ', 10, [])).toBeNull();
  });
  it('says why nothing happened: an unknown motif or a position past the end', () => {
    expect(parseJump('abc', 1000, hits)).toEqual({ error: "no hit of 'abc' in this sequence" });
    expect(parseJump('60,000', 50_000, [])).toEqual({ error: '60,000 is past the end (50,000 bp)' });
    expect(parseJump('0', 50_000, [])).toEqual({ error: 'positions start at 1' });
    expect(parseJump('-5', 50_000, [])).toEqual({ error: 'positions start at 1' });
  });
  it('walks through a motif\'s hits in position order, case-insensitively, and wraps around', () => {
    const first = parseJump('gata1', 1000, hits);
    expect(first).toMatchObject({ startBp: 100, endBp: 110, fill: 0.5, hitIndex: 0, note: 'hit 1 of 2; Jump again for the next' });
    expect(parseJump('gata1', 1000, hits, 0)).toMatchObject({ startBp: 500, hitIndex: 1 });
    expect(parseJump('gata1', 1000, hits, 1)).toMatchObject({ startBp: 100, hitIndex: 0 });
    expect(parseJump('TAL1', 1000, hits)).toMatchObject({ startBp: 20, note: '' });
  });
  it('finds a dimer by either partner and a family by its prefix, naming the motif it found', () => {
    const jaspar = [{ motifName: 'TAL1::TCF3', startBp: 40, endBp: 58 }, { motifName: 'Gata4', startBp: 300, endBp: 309 }, ...hits];
    expect(parseJump('tal1', 1000, jaspar)).toMatchObject({ startBp: 20, note: '' });
    expect(parseJump('TCF3', 1000, jaspar)).toMatchObject({ startBp: 40, note: 'TAL1::TCF3' });
    expect(parseJump('gata', 1000, jaspar)).toMatchObject({ startBp: 100, note: 'GATA1, hit 1 of 3; Jump again for the next' });
    expect(parseJump('gata', 1000, jaspar, 0)).toMatchObject({ startBp: 300, note: 'Gata4, hit 2 of 3; Jump again for the next' });
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
  it('still finds motifs, dimers included', () => {
    const hits = [{ motifName: 'TAL1::TCF3', startBp: 40, endBp: 58 }];
    expect(parseJump('TAL1::TCF3', 400, hits, -1, place)).toMatchObject({ startBp: 40, endBp: 58 });
  });
});
