import { describe, expect, it } from 'vitest';
import { LIGHT_COLORS, type TrackFrame } from '../../../src-renderer/src/lib/tracks/frame';
import { defaultSeqletExplanation, drawSeqlets, layoutSeqlets, seqletAt, visibleSeqlets } from '../../../src-renderer/src/lib/tracks/draw-seqlets';
import type { SeqletRow } from '../../../src-main/shared/run-api';
import { RecordingContext } from './recording-context';

const frame = (startBp: number, bpPerPixel: number, widthPx = 400, heightPx = 32): TrackFrame => ({ startBp, bpPerPixel, widthPx, heightPx, colors: LIGHT_COLORS });
const s = (explanationId: string, startBp: number, endBp: number, sign: '+' | '-', pValue: number): SeqletRow => ({ sequenceIndex: 0, explanationId, startBp, endBp, sign, sum: sign === '+' ? 1 : -1, pValue });
const all = [s('lrp', 10, 20, '+', 0.001), s('pl', 10, 20, '+', 0.001), s('pl', 30, 34, '-', 0.2), s('pl', 50, 60, '-', 0.004), s('pl', 900, 950, '+', 0.001)];

describe('seqlet track', () => {
  it('defaults to the first PLRP explanation, else the first one', () => {
    expect(defaultSeqletExplanation([{ id: 'lrp', method: 'lrp' }, { id: 'pl', method: 'plrp-lambda' }])).toBe('pl');
    expect(defaultSeqletExplanation([{ id: 'lrp', method: 'lrp' }])).toBe('lrp');
    expect(defaultSeqletExplanation([])).toBe('');
  });

  it('shows only the chosen explanation, and only significant seqlets when zoomed out', () => {
    const out = visibleSeqlets(all, 'pl', frame(0, 1));
    expect(out.map((x) => x.startBp)).toEqual([10, 50]);
    const zoomedIn = visibleSeqlets(all, 'pl', frame(0, 0.25));
    expect(zoomedIn.map((x) => x.startBp)).toEqual([10, 30, 50]);
    // Out of view (0–100 bp at 0.25 bp per pixel): not drawn.
    expect(zoomedIn.some((x) => x.startBp === 900)).toBe(false);
  });

  it('draws positive seqlets in the upper half and negative ones in the lower half', () => {
    const f = frame(0, 1);
    const boxes = layoutSeqlets(visibleSeqlets(all, 'pl', f), f);
    const ctx = new RecordingContext();
    drawSeqlets(ctx, f, boxes, 1);
    const rects = ctx.ops('fillRect').slice(1);
    expect(rects.map((r) => [r.args[0], r.args[1], r.fillStyle])).toEqual([[10, 1, LIGHT_COLORS.positive], [50, 17, LIGHT_COLORS.negative]]);
    expect(ctx.texts()).toEqual(['1 weaker hidden; zoom in']);
    expect(seqletAt(boxes, 55, 20)?.sign).toBe('-');
    expect(seqletAt(boxes, 55, 5)).toBeNull();
  });

  it('says so when every seqlet in view is too weak to show zoomed out', () => {
    const ctx = new RecordingContext();
    drawSeqlets(ctx, frame(0, 1), [], 3);
    expect(ctx.texts()[0]).toMatch(/no significant seqlets .* zoom in for all 3/);
  });
});
