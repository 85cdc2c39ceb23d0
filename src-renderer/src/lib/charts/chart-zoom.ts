// A chart's x zoom, carried over when the chart is drawn again with newer data (the Dashboard of a
// running run redraws every few seconds). uPlot's own x range is the data's first to last x; a drag
// across the chart zooms in to another range, and a double click goes back to the data's.

export interface XRange {
  min: number;
  max: number;
}

/** The x range a user zoomed to, or null when the chart shows all of its data (or has none). */
export function userXZoom(scale: { min?: number | null; max?: number | null }, xs: ArrayLike<number | null>): XRange | null {
  const first = xs.length > 0 ? xs[0] : null;
  const last = xs.length > 0 ? xs[xs.length - 1] : null;
  // One x value: uPlot pads the range around it, which is no zoom of the user's.
  if (scale.min == null || scale.max == null || first == null || last == null || first === last) return null;
  return scale.min === first && scale.max === last ? null : { min: scale.min, max: scale.max };
}
