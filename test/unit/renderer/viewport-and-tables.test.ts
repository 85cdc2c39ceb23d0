import { describe, expect, it } from 'vitest';
import { fitViewport, jumpTo, MAX_PX_PER_BASE, panBy, regionLabel, resize, sliceRequestFor, zoomAt } from '../../../src-renderer/src/lib/tracks/viewport-math';
import { filterAndSort, scrollToShow, targetLabel, visibleRowRange } from '../../../src-renderer/src/lib/util/sequence-table';
import { isSequenceComputed } from '../../../src-main/shared/run-api';
import { extent, pSweep, summarize } from '../../../src-renderer/src/lib/util/dashboard-data';
import { buildRunRequest, demoRequest, explanationsFor, pProblem, DEFAULT_METHODS } from '../../../src-renderer/src/lib/util/run-request';
import { formatDuration } from '../../../src-renderer/src/lib/util/format';
import type { RunSummary, SequenceRow } from '../../../src-main/shared/run-api';
import type { FileEntry } from '../../../src-main/shared/studio-types';

describe('shared viewport', () => {
  it('starts with the whole sequence in view and keeps it so when the window resizes', () => {
    const v = fitViewport(100_000, 1000);
    expect(v).toMatchObject({ startBp: 0, bpPerPixel: 100 });
    expect(resize(v, 500)).toMatchObject({ startBp: 0, bpPerPixel: 200 });
  });
  it('zooms about the pointer: the base under it stays under it', () => {
    const v = zoomAt(fitViewport(10_000, 1000), 0.5, 250);
    expect(v.startBp + 250 * v.bpPerPixel).toBeCloseTo(2500, 6);
    expect(v.bpPerPixel).toBe(5);
  });
  it('never zooms past readable letters or beyond the sequence, and never pans off its ends', () => {
    const v = fitViewport(200, 1000);
    expect(zoomAt(v, 1e-6).bpPerPixel).toBe(1 / MAX_PX_PER_BASE);
    expect(zoomAt(v, 1e6).bpPerPixel).toBe(0.2);
    const z = zoomAt(fitViewport(10_000, 1000), 0.1);
    expect(panBy(z, 1e9).startBp).toBe(0);
    expect(panBy(z, -1e9).startBp).toBe(10_000 - 1000 * z.bpPerPixel);
  });
  it('jumps to exactly the requested region, zooming out as well as in', () => {
    const v = jumpTo(fitViewport(100_000, 1000), 50_000, 50_400);
    expect(v.startBp).toBeCloseTo(50_000, 6);
    expect(v.bpPerPixel).toBeCloseTo(0.4, 9);
    // Already zoomed in on a few bases: "25,000-25,100" (0-based 24,999–25,100) shows all of it.
    const zoomedIn = jumpTo(fitViewport(50_000, 800), 25_000, 25_001);
    expect(regionLabel(zoomedIn)).toBe('24,984–25,018 of 50,000 bp');
    expect(regionLabel(jumpTo(zoomedIn, 24_999, 25_100))).toBe('25,000–25,100 of 50,000 bp');
    // Half the width for a motif hit; a region at the end stays inside the sequence.
    expect(jumpTo(v, 1000, 1100, 0.5).bpPerPixel).toBeCloseTo(0.2, 9);
    expect(regionLabel(jumpTo(v, 99_990, 100_000, 0.5))).toMatch(/–100,000 of 100,000 bp$/);
  });
  it('never shows positions past the end of a sequence shorter than the view', () => {
    // 10 bp on 780 px: the whole sequence, stretched; no zoom in or out changes that.
    const v = fitViewport(10, 780);
    expect(v.bpPerPixel * v.widthPx).toBeCloseTo(10, 9);
    for (const z of [zoomAt(v, 0.5), zoomAt(v, 2), panBy(v, -500), jumpTo(v, 4, 5)]) {
      expect(z.startBp).toBeCloseTo(0, 9);
      expect(z.startBp + z.widthPx * z.bpPerPixel).toBeCloseTo(10, 9);
    }
    expect(regionLabel(v)).toBe('1–10 of 10 bp');
    expect(regionLabel(resize(v, 300))).toBe('1–10 of 10 bp');
    // A region of a genome reads on its chromosome.
    expect(regionLabel(fitViewport(400, 800), { chrom: 'chr2', startBp: 10_000 })).toBe("chr2:10,001–10,400 (400 of the region's 400 bp)");
  });
  it('asks for about one bin per pixel, and per-base data only when zoomed to bases (100 kbp stays small)', () => {
    expect(sliceRequestFor(fitViewport(100_000, 1000))).toEqual({ startBp: 0, endBp: 100_000, bpPerBin: 100 });
    expect(sliceRequestFor(zoomAt(fitViewport(100_000, 1000), 1e-6)).bpPerBin).toBe(1);
  });
});

const row = (index: number, name: string, logit: number, sum?: number, gini?: number, motifHits: number | null = 0): SequenceRow => ({
  index, name, lengthBp: 10, target: 0, logit, output: [logit], warnings: [], motifHits, place: null,
  explanations: sum === undefined ? {} : { lrp: { sum, absSum: Math.abs(sum), min: 0, max: 0, metrics: gini === undefined ? {} : { gini } } },
});

describe('sequence table', () => {
  const rows = [row(0, 'chr1_a', 1, 5, 0.2), row(1, 'chr2_b', 3, 1, undefined, 1), row(2, 'chr1_c', 2, 9, 0.9, 2)];
  it('sorts by prediction, relevance or a metric, with missing values last either way', () => {
    expect(filterAndSort(rows, '', { key: { kind: 'prediction' }, descending: true }).map((r) => r.index)).toEqual([1, 2, 0]);
    expect(filterAndSort(rows, '', { key: { kind: 'relevance', explanationId: 'lrp' }, descending: false }).map((r) => r.index)).toEqual([1, 0, 2]);
    const byGini = (descending: boolean) => filterAndSort(rows, '', { key: { kind: 'metric', explanationId: 'lrp', metric: 'gini' }, descending }).map((r) => r.index);
    expect(byGini(true)).toEqual([2, 0, 1]);
    expect(byGini(false)).toEqual([0, 2, 1]);
  });
  it('sorts by motif hit count, unscanned sequences last, and filters by name, case-insensitively', () => {
    expect(filterAndSort(rows, '', { key: { kind: 'hits' }, descending: true }).map((r) => r.index)).toEqual([2, 1, 0]);
    const partlyScanned = [row(0, 'a', 0, 1, 0, null), ...rows.slice(1)];
    expect(filterAndSort(partlyScanned, '', { key: { kind: 'hits' }, descending: false }).map((r) => r.index)).toEqual([1, 2, 0]);
    expect(filterAndSort(rows, 'CHR1', { key: { kind: 'index' }, descending: false }).map((r) => r.name)).toEqual(['chr1_a', 'chr1_c']);
  });
  it('groups rows by the output they explain, named when the model names its outputs', () => {
    const mixed = [{ ...rows[0], target: 1 }, rows[1], { ...rows[2], target: 1 }];
    expect(filterAndSort(mixed, '', { key: { kind: 'target' }, descending: false }).map((r) => r.index)).toEqual([1, 0, 2]);
    expect(targetLabel(1, ['absent', 'gata1_tal1_pair'])).toBe('gata1_tal1_pair');
    expect(targetLabel(1, null)).toBe('output 1');
    // A cancelled run lists its uncomputed sequences with target −1.
    expect(targetLabel(-1, ['absent', 'gata1_tal1_pair'])).toBe('—');
    const run = { explanations: [{ id: 'lrp', composite: 'epsilon-plus', method: 'lrp', canonical: '{}' }] };
    expect([isSequenceComputed({ explanations: {} }, run), isSequenceComputed(rows[0], run)]).toEqual([false, true]);
  });
});

describe('sequence table rows in view', () => {
  it('renders the rows in the viewport and a margin, whatever the run size', () => {
    // 100,000 rows of 22 px, a 440-px viewport (20 rows) scrolled to row 5,000.
    expect(visibleRowRange(5000 * 22, 440, 22, 100_000, 10)).toEqual({ first: 4990, end: 5030 });
    expect(visibleRowRange(0, 440, 22, 100_000, 10)).toEqual({ first: 0, end: 30 });
    // At the end, and with fewer rows than fit.
    expect(visibleRowRange(99_990 * 22, 440, 22, 100_000, 10)).toEqual({ first: 99_980, end: 100_000 });
    expect(visibleRowRange(0, 440, 22, 7, 10)).toEqual({ first: 0, end: 7 });
    // A stale scroll position past a shrunken (filtered) list still gives a valid range.
    expect(visibleRowRange(5000 * 22, 440, 22, 3, 10)).toEqual({ first: 0, end: 3 });
  });
  it('scrolls just enough to show a row moved to with the arrow keys, under the header', () => {
    expect(scrollToShow(10, 0, 440, 22, 22)).toBe(0); // in view
    expect(scrollToShow(25, 0, 440, 22, 22)).toBe(26 * 22 - 418); // below: its bottom at the viewport's
    expect(scrollToShow(3, 200, 440, 22, 22)).toBe(66); // above: its top at the top
  });
});

describe('dashboard numbers', () => {
  it('summarises a metric with mean, sample sd and median, ignoring non-finite values', () => {
    expect(summarize([1, 2, 3, 4, NaN])).toEqual({ n: 4, mean: 2.5, sd: Math.sqrt(5 / 3), median: 2.5 });
    expect(summarize([])).toBeNull();
  });
  it('takes the extent of a large run\'s metric values (300,000) without overflowing the stack', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => Math.sin(i));
    values[123_456] = 7;
    values[234_567] = -9;
    expect(extent(values)).toEqual({ lo: -9, hi: 7 });
    expect(extent([])).toEqual({ lo: Number.POSITIVE_INFINITY, hi: Number.NEGATIVE_INFINITY });
  });
  it('builds the p sweep from PLRP-λ explanations, with plain LRP as p = 0', () => {
    const canon = (m: string, p?: number) => JSON.stringify({ method: m, ...(p === undefined ? {} : { p }) });
    const run = { explanations: [
      { id: 'b', method: 'plrp-lambda', composite: 'epsilon-plus', canonical: canon('plrp-lambda', 0.5) },
      { id: 'a', method: 'lrp', composite: 'epsilon-plus', canonical: canon('lrp') },
      { id: 'm', method: 'plrp-m', composite: 'epsilon-plus', canonical: canon('plrp-m', 0.5) },
    ] } as unknown as RunSummary;
    expect(pSweep(run, [], 'plrp-lambda').map((s) => [s.explanationId, s.p])).toEqual([['a', 0], ['b', 0.5]]);
  });
});

describe('run requests', () => {
  const file = (token: string, kind: FileEntry['kind']): FileEntry => ({ token, name: token, sizeBytes: 1, origin: 'upload', kind });
  it('names explanations by method and p and does not repeat one the sweep already has', () => {
    const ids = explanationsFor({ ...DEFAULT_METHODS, sweep: true }).map((e) => e.id);
    expect(ids).toEqual(['lrp', 'plrp-lambda-p0.5', 'plrp-m-p0.5', 'plrp-lambda-p0.1', 'plrp-lambda-p0.3', 'plrp-lambda-p0.7', 'plrp-lambda-p0.9']);
  });
  it('sends only tokens, and asks for RMA/RRA only with a ground truth', () => {
    const r = buildRunRequest({ model: file('m', 'model'), fasta: file('f', 'fasta') }, DEFAULT_METHODS, 'predicted');
    expect(r.model).toEqual({ kind: 'token', token: 'm' });
    expect(r.metrics).not.toContain('rma');
    expect(buildRunRequest({ model: file('m', 'model'), fasta: file('f', 'fasta'), bed: file('b', 'bed') }, DEFAULT_METHODS, 1).metrics).toContain('rma');
  });
  it('says what is wrong with p before a PLRP run can start, and ignores p without PLRP', () => {
    const p = (value: unknown, m: Partial<typeof DEFAULT_METHODS> = {}) => pProblem({ ...DEFAULT_METHODS, ...m, p: value as number });
    expect(p(0.3)).toBeNull();
    expect(p(0)).toBeNull();
    expect(p(null)).toMatch(/^Enter p: p is the fraction of relevance PLRP prunes/);
    expect(p(Number.NaN)).toMatch(/^Enter p/);
    // The CLI's and explain configs' limits: 0 to 1 (p = 1 prunes everything, which plrp.md defines).
    expect(p(1.5)).toMatch(/^p = 1.5 is out of range: .* from 0 to 1\./);
    expect(p(1)).toBeNull();
    expect(p(0.995)).toBeNull();
    expect(p(-0.1)).toMatch(/^p = -0.1 is out of range/);
    expect(p(null, { plrpLambda: false, plrpM: false, sweep: true })).toBeNull();
  });
  it('makes no demo request when the bundled files are missing', () => {
    expect(demoRequest({ available: false, reason: 'missing' })).toBeNull();
  });
  it('shows an ETA only once one is known', () => {
    expect(formatDuration(null)).toBe('estimating…');
    expect(formatDuration(95_000)).toBe('1 min 35 s');
  });
});
