// Names on feature boxes when hits overflow a track's rows: a name is written only where it can be
// read and names its own box; every box is still drawn.
import { describe, expect, it } from 'vitest';
import { LABEL_PAD_PX, placeLabels, type LabelBox } from '../../../src-main/shared/feature-labels';
import { drawFeatures, layoutFeatures, motifColor } from '../../../src-renderer/src/lib/tracks/draw-features';
import { LIGHT_COLORS } from '../../../src-renderer/src/lib/tracks/frame';
import { RecordingContext } from './recording-context';

/** 6 px per character, as RecordingContext measures. */
const width = (t: string) => t.length * RecordingContext.CHAR_PX;
const box = (x: number, w: number, label: string, y = 2): LabelBox => ({ x, y, w, h: 14, label });
const shown = (boxes: LabelBox[], widthPx = 400) => placeLabels(boxes, width, widthPx).map((l) => boxes[l.index].label);

describe('labels of feature boxes', () => {
  it('writes a name that fits its box, from the box’s left edge, at its middle', () => {
    expect(placeLabels([box(10, 60, 'GATA1', 18)], width, 400)).toEqual([{ index: 0, x: 10 + LABEL_PAD_PX, y: 25 }]);
    // 5 × 6 px of text and a pad each side: 36 px.
    expect(shown([box(10, 35, 'GATA1')])).toEqual([]);
    expect(shown([box(10, 36, 'GATA1')])).toEqual(['GATA1']);
  });
  it('hides a name that a box drawn later would cover, and keeps the one on top', () => {
    // Overflowing hits share the last row: FOXC1 is drawn first, FOXD2 over its right part.
    expect(shown([box(0, 60, 'FOXC1'), box(20, 80, 'FOXD2')])).toEqual(['FOXD2']);
    // FOXC1's name ends before FOXD2 begins: both are readable.
    expect(shown([box(0, 60, 'FOXC1'), box(40, 80, 'FOXD2')])).toEqual(['FOXC1', 'FOXD2']);
    // A box in another row covers nothing.
    expect(shown([box(0, 60, 'FOXC1'), box(20, 80, 'FOXD2', 18)])).toEqual(['FOXC1', 'FOXD2']);
  });
  it('starts a name at the visible part of a box that begins left of the view, and drops one the view cuts', () => {
    expect(placeLabels([box(-100, 150, 'GATA1')], width, 400)[0].x).toBe(LABEL_PAD_PX);
    expect(shown([box(380, 100, 'GATA1')], 400)).toEqual([]);
  });
  it('never writes two names over one another, however the hits pile up', () => {
    const boxes = Array.from({ length: 30 }, (_, i) => box(i * 7, 60 + (i % 4) * 10, `M${i}`));
    const placed = placeLabels(boxes, width, 400);
    const spans = placed.map((l) => [l.x, l.x + width(boxes[l.index].label)]);
    for (const [i, a] of spans.entries()) for (const b of spans.slice(i + 1)) expect(a[1] <= b[0] || b[1] <= a[0]).toBe(true);
  });
});

describe('a motif track whose hits overflow its rows', () => {
  it('draws every hit and writes only the names nothing covers', () => {
    const frame = { startBp: 0, bpPerPixel: 1, widthPx: 400, heightPx: 48, colors: LIGHT_COLORS };
    // Two rows; the third and fourth overlapping hits go to the last row, over the second.
    const hit = (startBp: number, endBp: number, label: string) => ({ startBp, endBp, label, color: motifColor(label) });
    const placed = layoutFeatures(frame, [hit(0, 100, 'CTCF'), hit(10, 80, 'FOXC1'), hit(20, 120, 'FOXD2'), hit(30, 110, 'ZNF263')]);
    const ctx = new RecordingContext();
    drawFeatures(ctx, frame, placed);
    expect(ctx.ops('fillRect')).toHaveLength(1 + 4);
    expect(ctx.texts()).toEqual(['CTCF', 'ZNF263']);
  });
});
