import { describe, expect, it } from 'vitest';
import { DARK_COLORS, LIGHT_COLORS } from '../../../src-renderer/src/lib/tracks/frame';
import { KEPT_BAR_COLOR, PRUNED_COLOR, cellAt, cellState, drawLayerHeatmap, keptColor } from '../../../src-renderer/src/lib/tracks/draw-layer-heatmap';
import { RecordingContext } from './recording-context';

describe('layer heatmap (filters × positions)', () => {
  // 2 filters × 3 positions: kept +2, pruned, empty / kept −1, kept +1, pruned.
  const grid = { channels: 2, columns: 3, before: [2, 0.5, 0, -1, 1, 0.3], after: [2, 0, 0, -1, 1, 0] };

  it('colours kept cells by sign and relevance, pruned ones grey, and leaves empty ones blank', () => {
    const ctx = new RecordingContext();
    const counts = drawLayerHeatmap(ctx, grid, 300, 40, LIGHT_COLORS);
    expect(counts).toEqual({ kept: 3, pruned: 2 });
    const cells = ctx.ops('fillRect').slice(1);
    expect(cells.map((c) => [c.args[0], c.args[1]])).toEqual([[0, 0], [100, 0], [0, 20], [100, 20], [200, 20]]);
    expect(cells[0].fillStyle).toBe('rgba(207, 34, 46, 1.000)');
    expect(cells[1].fillStyle).toBe(PRUNED_COLOR);
    expect(cells[2].fillStyle).toMatch(/^rgba\(9, 105, 218, /);
    expect(cells[4].fillStyle).toBe(PRUNED_COLOR);
  });

  it('scales the colour intensity with |relevance| relative to the largest kept value', () => {
    expect(keptColor(1, 2, LIGHT_COLORS)).toBe('rgba(207, 34, 46, 0.575)');
    expect(keptColor(-2, 2, LIGHT_COLORS)).toBe('rgba(9, 105, 218, 1.000)');
    expect(cellState(0, 0)).toBe('empty');
    expect(cellState(3, 0)).toBe('pruned');
    expect(cellState(3, 1.5)).toBe('kept');
  });

  it('keeps every cell at least one pixel wide when a layer has more positions than pixels', () => {
    const wide = { channels: 1, columns: 1000, before: new Array(1000).fill(1), after: new Array(1000).fill(1) };
    const ctx = new RecordingContext();
    drawLayerHeatmap(ctx, wide, 200, 10, LIGHT_COLORS);
    expect(ctx.ops('fillRect').slice(1).every((c) => Number(c.args[2]) >= 1)).toBe(true);
  });

  it('finds the filter and position under the pointer', () => {
    expect(cellAt(grid, 300, 40, 150, 30)).toEqual({ channel: 1, column: 1 });
    expect(cellAt(grid, 300, 40, 300, 10)).toBeNull();
  });

  it('uses no colour in the kept/pruned bars that means something else in the heatmap', () => {
    // Red and blue say the sign of kept relevance in the heatmap, in either theme; the bars' pruned
    // share is the heatmap's pruned grey, and their kept share is neither red, blue nor that grey.
    for (const colors of [LIGHT_COLORS, DARK_COLORS]) {
      expect([colors.positive, colors.negative]).not.toContain(KEPT_BAR_COLOR);
      expect([colors.positive, colors.negative]).not.toContain(PRUNED_COLOR);
    }
    expect(KEPT_BAR_COLOR).not.toBe(PRUNED_COLOR);
  });
});
