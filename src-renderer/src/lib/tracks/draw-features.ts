// Feature tracks: motif hits (coloured by motif, stacked into rows so overlapping hits stay
// visible), seqlets (coloured by sign) and ground-truth regions. Layout is a separate pure function so
// hover hit-testing uses exactly the rectangles that were drawn.
import { bpToPx, type Ctx2D, type TrackFrame } from './frame';
import { placeLabels } from '../../../../src-main/shared/feature-labels';
import { packRows } from '../../../../src-main/shared/feature-rows';

export interface Feature {
  startBp: number;
  endBp: number;
  label: string;
  color: string;
}

export interface PlacedFeature<F extends Feature = Feature> {
  feature: F;
  x: number;
  y: number;
  w: number;
  h: number;
}

const ROW_PX = 14;
const GAP_PX = 2;

/** Boxes stacked into the rows the frame has room for (src-main/shared/feature-rows.ts, shared with the HTML report). */
export function layoutFeatures<F extends Feature>(frame: TrackFrame, features: F[]): PlacedFeature<F>[] {
  const maxRows = Math.max(1, Math.floor((frame.heightPx - GAP_PX) / (ROW_PX + GAP_PX)));
  return packRows(features, (bp) => bpToPx(frame, bp), frame.widthPx, maxRows).map(({ index, x, w, row }) => ({ feature: features[index], x, y: GAP_PX + row * (ROW_PX + GAP_PX), w, h: ROW_PX }));
}

/** Height of the line under the boxes that a note gets when it goes with boxes (`noteLine`). */
export const NOTE_LINE_PX = 14;

/**
 * `isMarked` picks the feature a jump went to: outlined so it stands out from those around it.
 * `emptyText` is written when nothing is drawn; with `noteLine` it is written on a line of its own
 * under the boxes, whether or not any are in view (the ground-truth track's note beside the faint
 * regions of other outputs). The caller then lays the boxes out in a frame NOTE_LINE_PX shorter.
 */
export function drawFeatures<F extends Feature>(ctx: Ctx2D, frame: TrackFrame, placed: PlacedFeature<F>[], emptyText = '', isMarked: ((f: F) => boolean) | null = null, noteLine = false): void {
  const { colors, heightPx, widthPx } = frame;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  if (emptyText && (noteLine || placed.length === 0)) {
    ctx.fillStyle = colors.muted;
    ctx.fillText(emptyText, 4, noteLine ? heightPx - NOTE_LINE_PX / 2 : heightPx / 2);
  }
  // The marked feature is drawn last, so hits packed over it leave it whole.
  const target = isMarked ? placed.find((p) => isMarked(p.feature)) : undefined;
  const ordered = target ? [...placed.filter((p) => p !== target), target] : placed;
  for (const p of ordered) {
    ctx.fillStyle = p.feature.color;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(p.x, p.y, p.w, p.h);
    ctx.globalAlpha = 1;
  }
  if (target) {
    // Outlined in the text colour (black on light, white on dark), which stands out against every motif's hue.
    ctx.strokeStyle = colors.text;
    ctx.lineWidth = 2;
    ctx.strokeRect(target.x - 1.5, target.y - 1, target.w + 3, target.h + 2);
  }
  // Names last, only where they fit on their own box and no box covers them (src-main/shared/feature-labels.ts).
  ctx.fillStyle = '#ffffff';
  const boxes = ordered.map((p) => ({ x: p.x, y: p.y, w: p.w, h: p.h, label: p.feature.label }));
  for (const l of placeLabels(boxes, (t) => ctx.measureText(t).width, widthPx)) ctx.fillText(boxes[l.index].label, l.x, l.y);
}

export function featureAt<F extends Feature>(placed: PlacedFeature<F>[], x: number, y: number): F | null {
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i];
    if (x >= p.x && x <= p.x + p.w && y >= p.y && y <= p.y + p.h) return p.feature;
  }
  return null;
}

/** A stable colour per motif name (hue from a string hash), so a motif looks the same everywhere. */
export function motifColor(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return `hsl(${(h >>> 0) % 360} 60% 42%)`;
}
