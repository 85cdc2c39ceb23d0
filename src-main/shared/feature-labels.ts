// Which feature boxes get their name written, and where. When motif hits overflow the track's rows,
// layoutFeatures puts the rest in the last row, over the boxes already there; writing every name
// that fits its own box then overprints names and writes them over other hits' boxes. Genome
// browsers (igv.js, JBrowse) hide a label that would collide rather than draw text that cannot be
// read or misnames a box: here a name is written only on a part of its box that no box drawn after
// it covers. The hits themselves are all still drawn, and hovering names any of them. Shared by the
// Run view's canvas tracks (src-renderer/src/lib/tracks/draw-features.ts) and the HTML report's SVG
// tracks (engine/report/relevance-logo-svg.ts), so both name the same hits.

/** A drawn box, in the order boxes are drawn (a later one covers an earlier one). */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
}

export interface PlacedLabel {
  /** Index of the box in the list given. */
  index: number;
  x: number;
  /** Vertical centre of the box. */
  y: number;
}

/** Space between a box's left edge and its text, and kept free after the text. */
export const LABEL_PAD_PX = 3;

/**
 * The labels to write over `boxes` (in drawing order) on a canvas (or SVG) `widthPx` wide: each starts at
 * its box's visible left edge, lies within its box and the canvas, and meets no box drawn after
 * its own in the same rows. Written after all boxes, such labels never overlap one another, as
 * the parts of boxes they sit on do not.
 */
export function placeLabels(boxes: readonly LabelBox[], textWidth: (text: string) => number, widthPx: number): PlacedLabel[] {
  const out: PlacedLabel[] = [];
  boxes.forEach((b, index) => {
    if (!b.label) return;
    const x = Math.max(b.x, 0) + LABEL_PAD_PX;
    const end = x + textWidth(b.label) + LABEL_PAD_PX;
    if (end > Math.min(b.x + b.w, widthPx)) return;
    const covered = boxes.slice(index + 1).some((o) => o.y < b.y + b.h && b.y < o.y + o.h && o.x < end && x - LABEL_PAD_PX < o.x + o.w);
    if (!covered) out.push({ index, x, y: b.y + b.h / 2 });
  });
  return out;
}
