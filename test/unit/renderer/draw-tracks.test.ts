import { describe, expect, it } from 'vitest';
import { LIGHT_COLORS, type TrackFrame } from '../../../src-renderer/src/lib/tracks/frame';
import { drawRuler, formatBp, tickStepBp } from '../../../src-renderer/src/lib/tracks/draw-ruler';
import { drawSequence } from '../../../src-renderer/src/lib/tracks/draw-sequence';
import { drawRelevance, sliceMaxAbs } from '../../../src-renderer/src/lib/tracks/draw-relevance';
import { drawFeatures, featureAt, layoutFeatures, motifColor } from '../../../src-renderer/src/lib/tracks/draw-features';
import type { TrackSlice } from '../../../src-main/shared/run-api';
import { RecordingContext } from './recording-context';

const frame = (startBp: number, bpPerPixel: number, widthPx = 400, heightPx = 40): TrackFrame => ({ startBp, bpPerPixel, widthPx, heightPx, colors: LIGHT_COLORS });
const slice = (over: Partial<TrackSlice>): TrackSlice => ({ runId: 'r', sequenceIndex: 0, explanationId: 'lrp', startBp: 0, endBp: 4, bpPerBin: 1, bins: [], ...over });

describe('ruler', () => {
  it('labels ticks 1-based at a nice step that leaves room for the labels', () => {
    expect(tickStepBp(1)).toBe(100);
    expect(tickStepBp(0.05)).toBe(5);
    expect(tickStepBp(1000)).toBe(100_000);
    const ctx = new RecordingContext();
    drawRuler(ctx, frame(0, 1));
    expect(ctx.texts()).toEqual(['1', '101', '201', '301']);
    expect(formatBp(25_000)).toBe('25 kb');
    expect(formatBp(1_500_000)).toBe('1.5 Mb');
  });
});

describe('sequence', () => {
  it('writes each base letter in its colour when zoomed in', () => {
    const ctx = new RecordingContext();
    drawSequence(ctx, frame(0, 1 / 10, 40), { startBp: 0, letters: 'ACGT' });
    const letters = ctx.ops('fillText');
    expect(letters.map((c) => c.args[0])).toEqual(['A', 'C', 'G', 'T']);
    expect(letters.map((c) => c.args[1])).toEqual([5, 15, 25, 35]);
    expect(letters[0].fillStyle).toBe(LIGHT_COLORS.bases.A);
  });
  it('draws blocks, not letters, when a base is a few pixels wide, and nothing when zoomed out', () => {
    const blocks = new RecordingContext();
    drawSequence(blocks, frame(0, 1 / 4, 16), { startBp: 0, letters: 'ACGT' });
    expect(blocks.ops('fillRect').length).toBe(5); // background + 4 bases
    const far = new RecordingContext();
    drawSequence(far, frame(0, 10), { startBp: 0, letters: 'ACGT' });
    expect(far.texts()).toEqual(['zoom in to see the sequence']);
  });
});

describe('relevance track', () => {
  it('draws positive bins up in red and negative bins down in blue, scaled to half the height', () => {
    const ctx = new RecordingContext();
    const s = slice({ bpPerBin: 10, endBp: 20, bins: [{ startBp: 0, endBp: 10, min: 0, max: 2, mean: 1 }, { startBp: 10, endBp: 20, min: -1, max: 0, mean: -0.5 }] });
    drawRelevance(ctx, frame(0, 10, 2, 44), { slice: s, maxAbs: sliceMaxAbs(s) });
    const bars = ctx.ops('fillRect').slice(1);
    // mid = 22.5, half = 20: max 2 → 20 px up; min −1 → 10 px down.
    expect(bars).toEqual([
      { op: 'fillRect', args: [0, 2.5, 1, 20], fillStyle: LIGHT_COLORS.positive },
      { op: 'fillRect', args: [1, 22.5, 1, 10], fillStyle: LIGHT_COLORS.negative },
    ]);
    expect(ctx.texts()).toEqual(['+2.00', '−2.00']);
  });
  it('keeps a single strong base visible when zoomed out (min/max per bin, not the mean)', () => {
    const ctx = new RecordingContext();
    const s = slice({ bpPerBin: 100, endBp: 100, bins: [{ startBp: 0, endBp: 100, min: 0, max: 5, mean: 0.05 }] });
    drawRelevance(ctx, frame(0, 100, 1, 44), { slice: s, maxAbs: 5 });
    expect(ctx.ops('fillRect')[1].args[3]).toBe(20);
  });
  it('draws the observed base as a letter logo when zoomed in, flipped for negative relevance', () => {
    const ctx = new RecordingContext();
    const s = slice({ letters: 'AC', endBp: 2, bases: [[1, 0, 0, 0], [0, -0.5, 0, 0]], bins: [{ startBp: 0, endBp: 1, min: 1, max: 1, mean: 1 }, { startBp: 1, endBp: 2, min: -0.5, max: -0.5, mean: -0.5 }] });
    drawRelevance(ctx, frame(0, 1 / 12, 24, 44), { slice: s, maxAbs: 1 });
    expect(ctx.texts().slice(0, 2)).toEqual(['A', 'C']);
    const scales = ctx.ops('scale').map((c) => c.args[1] as number);
    expect(scales[0]).toBeGreaterThan(0);
    expect(scales[1]).toBeLessThan(0);
    expect(Math.abs(scales[0])).toBeCloseTo(2 * Math.abs(scales[1]), 6);
  });
  it('draws only the midline when there is nothing to show', () => {
    const ctx = new RecordingContext();
    drawRelevance(ctx, frame(0, 1), { slice: null, maxAbs: 0 });
    expect(ctx.ops('fillText')).toHaveLength(0);
    expect(ctx.ops('fillRect')).toHaveLength(1);
  });
});

describe('feature tracks', () => {
  const f = (startBp: number, endBp: number, label = 'GATA1') => ({ startBp, endBp, label, color: motifColor(label) });
  it('stacks overlapping motif hits into rows and leaves apart ones on the first row', () => {
    const placed = layoutFeatures(frame(0, 1, 400, 60), [f(0, 20), f(10, 30), f(50, 60)]);
    expect(placed.map((p) => p.y)).toEqual([2, 18, 2]);
  });
  it('finds the hit under the pointer from the same layout it drew', () => {
    const placed = layoutFeatures(frame(0, 1, 400, 60), [f(0, 20, 'GATA1'), f(10, 30, 'TAL1')]);
    expect(featureAt(placed, 15, 20)?.label).toBe('TAL1');
    expect(featureAt(placed, 15, 5)?.label).toBe('GATA1');
    expect(featureAt(placed, 300, 5)).toBeNull();
    const ctx = new RecordingContext();
    drawFeatures(ctx, frame(0, 1, 400, 60), placed);
    expect(ctx.ops('fillRect').slice(1).map((c) => c.fillStyle)).toEqual([motifColor('GATA1'), motifColor('TAL1')]);
  });
  it('gives one motif the same colour everywhere and different motifs different colours', () => {
    expect(motifColor('GATA1')).toBe(motifColor('GATA1'));
    expect(motifColor('GATA1')).not.toBe(motifColor('TAL1::TCF3'));
  });
});
