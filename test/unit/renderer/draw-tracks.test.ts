import { describe, expect, it } from 'vitest';
import { LIGHT_COLORS, type TrackFrame } from '../../../src-renderer/src/lib/tracks/frame';
import { drawRuler, formatTick, rulerTicks, tickStepBp } from '../../../src-renderer/src/lib/tracks/draw-ruler';
import { drawSequence } from '../../../src-renderer/src/lib/tracks/draw-sequence';
import { drawRelevance, sliceMaxAbs } from '../../../src-renderer/src/lib/tracks/draw-relevance';
import { drawFeatures, featureAt, layoutFeatures, motifColor } from '../../../src-renderer/src/lib/tracks/draw-features';
import type { TrackSlice } from '../../../src-main/shared/run-api';
import { MAX_PX_PER_BASE } from '../../../src-renderer/src/lib/tracks/viewport-math';
import { RecordingContext } from './recording-context';

const frame = (startBp: number, bpPerPixel: number, widthPx = 400, heightPx = 40): TrackFrame => ({ startBp, bpPerPixel, widthPx, heightPx, colors: LIGHT_COLORS });
const slice = (over: Partial<TrackSlice>): TrackSlice => ({ runId: 'r', sequenceIndex: 0, explanationId: 'lrp', startBp: 0, endBp: 4, bpPerBin: 1, bins: [], ...over });

describe('ruler', () => {
  const labels = (f: TrackFrame) => {
    const ctx = new RecordingContext();
    drawRuler(ctx, f);
    return ctx.texts();
  };
  it('ticks 1-based multiples of a nice step that leaves room for the labels', () => {
    expect(tickStepBp(1)).toBe(100);
    expect(tickStepBp(0.05)).toBe(5);
    expect(tickStepBp(1000)).toBe(100_000);
    expect(labels(frame(0, 1))).toEqual(['100', '200', '300', '400']);
    // Position 100 is the 0-based base 99: its tick is at the centre of that base.
    expect(rulerTicks(frame(0, 1))[0].x).toBe(Math.round(99.5) + 0.5);
  });
  it('labels a region of a genome with its positions on the chromosome', () => {
    // chr2:10,001-10,400 on 400 px: ticks at 10,100, 10,200, …, at the centre of their base.
    const ticks = rulerTicks(frame(0, 1), 10_000);
    expect(ticks.map((t) => t.label)).toEqual(['10,100', '10,200', '10,300', '10,400']);
    expect(ticks[0].x).toBe(Math.round(99.5) + 0.5);
    // A region starting off the step: the first tick is the first round genome position in it.
    expect(rulerTicks(frame(0, 1), 10_050)[0]).toMatchObject({ position: 10_100, x: Math.round(49.5) + 0.5 });
  });
  it('labels distinct, exact positions when zoomed to bases on a long sequence', () => {
    // 25,000–25,100 of a 50 kbp sequence on 1,000 px: a 10-bp step, labelled in full.
    const zoomed = labels(frame(24_999, 101 / 1000, 1000, 24));
    expect(zoomed.slice(0, 3)).toEqual(['25,000', '25,010', '25,020']);
    expect(new Set(zoomed).size).toBe(zoomed.length);
    // Zoomed out, whole kb: a unit only where the step is a whole number of them.
    expect(formatTick(26_000, 1000)).toBe('26 kb');
    expect(formatTick(1_500_000, 500_000)).toBe('1,500 kb');
    expect(formatTick(3_000_000, 1_000_000)).toBe('3 Mb');
    expect(formatTick(25_010, 10)).toBe('25,010');
  });
  it('keeps every label inside the canvas and never lets two labels touch', () => {
    const ctx = new RecordingContext();
    // A 10-bp sequence stretched over 400 px: ticks at the first and last bases' centres would
    // otherwise print half a label off either edge.
    drawRuler(ctx, frame(0, 1 / 40, 400, 24));
    const boxes = ctx.ops('fillText').map((c) => {
      const half = (String(c.args[0]).length * RecordingContext.CHAR_PX) / 2;
      return { left: Number(c.args[1]) - half, right: Number(c.args[1]) + half };
    });
    expect(ctx.texts()).toEqual(['2', '4', '6', '8', '10']);
    expect(boxes[0].left).toBeGreaterThanOrEqual(0);
    expect(boxes[boxes.length - 1].right).toBeLessThanOrEqual(400);
    // Long labels 80 px apart, the first tick 5 px from the edge: shifted inwards, its label would
    // touch the next one, which is left out (its tick mark stays).
    const dense = new RecordingContext();
    drawRuler(dense, frame(99_999_999.5 - 5 / 8, 1 / 8, 170, 24));
    expect(dense.texts()).toEqual(['100,000,000', '100,000,020']);
    const xs = dense.ops('fillText').map((c) => ({ x: Number(c.args[1]), w: String(c.args[0]).length * RecordingContext.CHAR_PX }));
    for (let i = 1; i < xs.length; i++) expect(xs[i].x - xs[i].w / 2).toBeGreaterThan(xs[i - 1].x + xs[i - 1].w / 2);
    for (const { x, w } of xs) expect(x + w / 2).toBeLessThanOrEqual(170);
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
    const bars = ctx.ops('fillRect').slice(1, 3);
    // mid = 22.5, half = 20: max 2 → 20 px up; min −1 → 10 px down.
    expect(bars).toEqual([
      { op: 'fillRect', args: [0, 2.5, 1, 20], fillStyle: LIGHT_COLORS.positive },
      { op: 'fillRect', args: [1, 22.5, 1, 10], fillStyle: LIGHT_COLORS.negative },
    ]);
    expect(ctx.texts()).toEqual(['+2.00', '−2.00']);
  });
  it('labels a track with no relevance in view, on its baseline, instead of leaving it blank', () => {
    const ctx = new RecordingContext();
    const s = slice({ bins: [{ startBp: 0, endBp: 4, min: 0, max: 0, mean: 0 }] });
    drawRelevance(ctx, frame(0, 0.01, 400, 44), { slice: s, maxAbs: sliceMaxAbs(s) });
    expect(ctx.ops('lineTo')).toHaveLength(1);
    expect(ctx.texts()).toEqual(['0: no relevance in view']);
    // Still loading (no slice): no claim about the relevance.
    const loading = new RecordingContext();
    drawRelevance(loading, frame(0, 0.01, 400, 44), { slice: null, maxAbs: 0 });
    expect(loading.texts()).toEqual([]);
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
  it('keeps logo letters no wider than at the deepest zoom when a short sequence is stretched', () => {
    const s = slice({ letters: 'A', endBp: 1, bases: [[1, 0, 0, 0]], bins: [{ startBp: 0, endBp: 1, min: 1, max: 1, mean: 1 }] });
    const widthScale = (pxPerBase: number) => {
      const ctx = new RecordingContext();
      drawRelevance(ctx, frame(0, 1 / pxPerBase, pxPerBase, 44), { slice: s, maxAbs: 1 });
      return ctx.ops('scale')[0].args[0] as number;
    };
    expect(widthScale(80)).toBeCloseTo(widthScale(MAX_PX_PER_BASE), 9);
    expect(widthScale(12)).toBeCloseTo(widthScale(MAX_PX_PER_BASE) / 2, 9);
  });
  it('draws the scale labels last, each on a background box, so tall letters never cover them', () => {
    // A single base worth the whole scale: its letter spans the track from the midline to the top.
    const ctx = new RecordingContext();
    const s = slice({ letters: 'T', endBp: 1, bases: [[0, 0, 0, 0.637]], bins: [{ startBp: 0, endBp: 1, min: 0.637, max: 0.637, mean: 0.637 }] });
    drawRelevance(ctx, frame(0, 1 / 40, 40, 56), { slice: s, maxAbs: 0.637 });
    const texts = ctx.texts();
    expect(texts).toEqual(['T', '+0.637', '−0.637']);
    for (const label of ['+0.637', '−0.637']) {
      const i = ctx.calls.findIndex((c) => c.op === 'fillText' && c.args[0] === label);
      const box = ctx.calls[i - 1];
      expect(box.op).toBe('fillRect');
      expect(box.fillStyle).toBe(LIGHT_COLORS.background);
      const [bx, by, bw, bh] = box.args as number[];
      const [, tx, ty] = ctx.calls[i].args as number[];
      expect(tx).toBeGreaterThanOrEqual(bx);
      expect(tx + label.length * RecordingContext.CHAR_PX).toBeLessThanOrEqual(bx + bw);
      expect(ty).toBeGreaterThan(by);
      expect(ty).toBeLessThan(by + bh);
      expect(by).toBeGreaterThanOrEqual(0);
      expect(by + bh).toBeLessThanOrEqual(56);
    }
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
  it('outlines the hit a jump went to, and only that one, among hits of the same motif', () => {
    const placed = layoutFeatures(frame(0, 1, 400, 60), [f(0, 20, 'GATA1'), f(100, 110, 'GATA1'), f(100, 110, 'TAL1')]);
    const ctx = new RecordingContext();
    drawFeatures(ctx, frame(0, 1, 400, 60), placed, '', (g) => g.startBp === 100 && g.label === 'GATA1');
    const gata = placed.find((p) => p.feature.startBp === 100 && p.feature.label === 'GATA1')!;
    expect(ctx.ops('strokeRect').map((c) => c.args)).toEqual([[gata.x - 1.5, gata.y - 1, gata.w + 3, gata.h + 2]]);
    // Black on the light theme: it stands out against any motif's colour.
    expect(ctx.strokeStyle).toBe(LIGHT_COLORS.text);
    // Drawn last, so no hit packed beside or over it hides it.
    expect(ctx.ops('fillRect').at(-1)!.fillStyle).toBe(motifColor('GATA1'));
    expect(ctx.ops('fillRect').at(-1)!.args).toEqual([gata.x, gata.y, gata.w, gata.h]);
    const none = new RecordingContext();
    drawFeatures(none, frame(0, 1, 400, 60), placed, '', (g) => g.startBp === 200);
    drawFeatures(none, frame(0, 1, 400, 60), placed);
    expect(none.ops('strokeRect')).toHaveLength(0);
  });
  it('gives one motif the same colour everywhere and different motifs different colours', () => {
    expect(motifColor('GATA1')).toBe(motifColor('GATA1'));
    expect(motifColor('GATA1')).not.toBe(motifColor('TAL1::TCF3'));
  });
});
