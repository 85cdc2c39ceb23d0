// The Layers heatmap: one PLRP pruning point as channels (filters) × positions. A cell PLRP kept is
// coloured by its relevance after pruning (red positive, blue negative, intensity ∝ |R| / max |R|);
// a cell it pruned (relevance before ≠ 0, after = 0) is grey; a cell that carried nothing is left
// blank. Pure: the component passes the grid and a size, the tests a recording context.
import type { Ctx2D, TrackColors } from './frame';

export interface LayerGrid {
  channels: number;
  columns: number;
  /** Row-major [channels][columns]. */
  before: number[];
  after: number[];
}

export type CellState = 'kept' | 'pruned' | 'empty';

/** Pruned is this grey everywhere in Layers: the heatmap's pruned cells and the bars' pruned share. */
export const PRUNED_COLOR = '#b3b9c0';
/**
 * The bars' kept share: a muted blue-grey, darker than PRUNED_COLOR so the two read apart. Neither
 * is the heatmap's red or blue, which say the sign of kept relevance (red once meant "pruned" in
 * the bars and "kept, positive" in the heatmap).
 */
export const KEPT_BAR_COLOR = '#5b7590';

export function cellState(before: number, after: number): CellState {
  if (after !== 0) return 'kept';
  return before !== 0 ? 'pruned' : 'empty';
}

/** rgba of a kept cell: the sign's colour with alpha from |after| / maxAbs (at least faintly visible). */
export function keptColor(after: number, maxAbs: number, colors: TrackColors): string {
  const hex = after > 0 ? colors.positive : colors.negative;
  const a = maxAbs > 0 ? Math.min(1, 0.15 + 0.85 * (Math.abs(after) / maxAbs)) : 1;
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a.toFixed(3)})`;
}

export function gridMaxAbs(grid: LayerGrid): number {
  let m = 0;
  for (const v of grid.after) if (Math.abs(v) > m) m = Math.abs(v);
  return m;
}

export interface HeatmapCounts {
  kept: number;
  pruned: number;
}

/** Draws the grid to fill widthPx × heightPx; returns how many cells were kept and pruned. */
export function drawLayerHeatmap(ctx: Ctx2D, grid: LayerGrid, widthPx: number, heightPx: number, colors: TrackColors): HeatmapCounts {
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  const counts = { kept: 0, pruned: 0 };
  if (grid.channels === 0 || grid.columns === 0) return counts;
  const cw = widthPx / grid.columns;
  const ch = heightPx / grid.channels;
  const maxAbs = gridMaxAbs(grid);
  for (let c = 0; c < grid.channels; c++) {
    for (let i = 0; i < grid.columns; i++) {
      const k = c * grid.columns + i;
      const state = cellState(grid.before[k], grid.after[k]);
      if (state === 'empty') continue;
      counts[state]++;
      ctx.fillStyle = state === 'pruned' ? PRUNED_COLOR : keptColor(grid.after[k], maxAbs, colors);
      // Cells at least 1 px so single kept filters stay visible in wide layers.
      ctx.fillRect(i * cw, c * ch, Math.max(1, cw), Math.max(1, ch));
    }
  }
  return counts;
}

/** Which cell is under (x, y) of a widthPx × heightPx drawing, or null. */
export function cellAt(grid: LayerGrid, widthPx: number, heightPx: number, x: number, y: number): { channel: number; column: number } | null {
  if (x < 0 || y < 0 || x >= widthPx || y >= heightPx || grid.channels === 0 || grid.columns === 0) return null;
  return { channel: Math.floor((y / heightPx) * grid.channels), column: Math.floor((x / widthPx) * grid.columns) };
}
