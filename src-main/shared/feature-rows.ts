// Which row of a feature track each box goes in: motif hits that overlap stack into rows so both
// stay visible. Shared by the Run view's canvas tracks (src-renderer/src/lib/tracks/draw-features.ts)
// and the HTML report's SVG figure (engine/report/relevance-logo-svg.ts), so a sequence's hits sit
// in the same rows in both; placeLabels (feature-labels.ts) then decides which names are written.

/** A feature's extent in bases (0-based, half-open). */
export interface FeatureSpan {
  startBp: number;
  endBp: number;
}

/** A span laid out on a track: its box in pixels and its row (0 = top). */
export interface RowPlacement {
  /** Index of the span in the list given. */
  index: number;
  x: number;
  w: number;
  row: number;
}

/** Narrowest box drawn: a 1-bp hit far zoomed out is still a visible mark. */
export const MIN_BOX_PX = 2;

/**
 * Greedy interval packing: the spans in order of start, each in the first row whose last box ends
 * more than a pixel before it begins; with every one of the `maxRows` rows taken, in the last row,
 * over the boxes already there. `toPx` maps a base position to the track's x; boxes wholly outside
 * 0…`widthPx` are left out (and take no row). Returned in drawing order (by start), which
 * placeLabels needs: a later box covers an earlier one.
 */
export function packRows(spans: readonly FeatureSpan[], toPx: (bp: number) => number, widthPx: number, maxRows: number): RowPlacement[] {
  const rows = Math.max(1, maxRows);
  const rowEnds: number[] = [];
  const out: RowPlacement[] = [];
  const order = spans.map((s, index) => ({ s, index })).sort((a, b) => a.s.startBp - b.s.startBp);
  for (const { s, index } of order) {
    const x = toPx(s.startBp);
    const w = Math.max(MIN_BOX_PX, toPx(s.endBp) - x);
    if (x + w < 0 || x > widthPx) continue;
    let row = rowEnds.findIndex((end) => end + 1 < x);
    if (row === -1) row = rowEnds.length < rows ? rowEnds.length : rows - 1;
    rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, x + w);
    out.push({ index, x, w, row });
  }
  return out;
}
