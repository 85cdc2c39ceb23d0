// The report's motif track stacks a sequence's hits into the rows the Run view gives them (each in
// the first row free where it starts; past the last row, over it), not round-robin by hit number.
import { describe, expect, it } from 'vitest';
import { REPORT_HIT_ROWS, relevanceLogoSvg, type LogoHit } from '../../../src-main/engine/report/relevance-logo-svg';
import { layoutFeatures } from '../../../src-renderer/src/lib/tracks/draw-features';
import { LIGHT_COLORS } from '../../../src-renderer/src/lib/tracks/frame';

const L = 200;
/** The report draws a sequence over 920 px (980 wide, 50 for the labels, 10 of margin). */
const PX_PER_BP = 920 / L;

/** Each hit's row in the report's figure, by its hover title, from the boxes' y (rows are 16 px apart). */
function reportRows(hits: LogoHit[]): Record<string, number> {
  const svg = relevanceLogoSvg({ title: 't', letters: 'A'.repeat(L), relevance: new Float32Array(L).fill(0.1), hits, seqlets: [] });
  const boxes = [...svg.matchAll(/<g><title>([^<]+) \([+-]\) \d+–\d+<\/title><rect x="[\d.]+" y="([\d.]+)"/g)].map((m) => ({ label: m[1], y: Number(m[2]) }));
  expect(boxes).toHaveLength(hits.length);
  const top = Math.min(...boxes.map((b) => b.y));
  return Object.fromEntries(boxes.map((b) => [b.label, Math.round((b.y - top) / 16)]));
}

/** Each hit's row in the Run view's motif track, at the report's scale, with as many rows as the report has. */
function runViewRows(hits: LogoHit[]): Record<string, number> {
  const frame = { startBp: 0, bpPerPixel: 1 / PX_PER_BP, widthPx: L * PX_PER_BP, heightPx: 2 + REPORT_HIT_ROWS * 16, colors: LIGHT_COLORS };
  const placed = layoutFeatures(frame, hits.map((h) => ({ startBp: h.start, endBp: h.end, label: h.label, color: '#000' })));
  return Object.fromEntries(placed.map((p) => [p.feature.label, Math.round((p.y - 2) / 16)]));
}

const hit = (start: number, end: number, label: string): LogoHit => ({ start, end, label, strand: '+' });

describe('motif-hit rows in the report', () => {
  it('puts hits that do not overlap on the first row, as the Run view does (round-robin spread them over four)', () => {
    const hits = [hit(10, 20, 'GATA1'), hit(40, 50, 'TAL1'), hit(80, 90, 'SPI1'), hit(120, 130, 'CTCF')];
    expect(reportRows(hits)).toEqual({ GATA1: 0, TAL1: 0, SPI1: 0, CTCF: 0 });
    expect(reportRows(hits)).toEqual(runViewRows(hits));
  });

  it('gives each hit the first row free where it starts, in order of start whatever order the hits come in', () => {
    const hits = [hit(100, 130, 'DUX4'), hit(10, 40, 'PITX2'), hit(15, 45, 'Dux'), hit(12, 30, 'HOXB13'), hit(50, 60, 'FOXA1'), hit(35, 55, 'NEUROD1')];
    const rows = reportRows(hits);
    expect(rows).toEqual({ PITX2: 0, HOXB13: 1, Dux: 2, NEUROD1: 1, FOXA1: 0, DUX4: 0 });
    expect(rows).toEqual(runViewRows(hits));
  });

  it('draws hits past the last row over it, as the Run view does', () => {
    const hits = ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'].map((name, i) => hit(10 + i, 40 + i, name));
    const rows = reportRows(hits);
    expect(rows).toEqual({ A1: 0, B2: 1, C3: 2, D4: 3, E5: 3, F6: 3 });
    expect(rows).toEqual(runViewRows(hits));
  });

  it('makes the figure only as tall as the rows it uses', () => {
    const height = (hits: LogoHit[]) => Number(/height="(\d+)"/.exec(relevanceLogoSvg({ title: 't', letters: 'A'.repeat(L), relevance: new Float32Array(L).fill(0.1), hits, seqlets: [] }))![1]);
    const apart = [hit(10, 20, 'GATA1'), hit(40, 50, 'TAL1'), hit(80, 90, 'SPI1')];
    expect(height(apart)).toBe(height([hit(10, 20, 'GATA1')]));
    expect(height([hit(10, 40, 'GATA1'), hit(20, 50, 'TAL1')])).toBe(height(apart) + 16);
  });
});
