// Relevance track, one per method: zoomed in, a letter logo of the observed base scaled by its
// relevance (above the midline for positive, below for negative, as in DeepLIFT/TF-MoDISco plots);
// zoomed out, per-bin bars from min to max so that a single strong base is never averaged away.
import type { TrackBin, TrackSlice } from '../../../../src-main/shared/run-api';
import { bpToPx, LETTER_MIN_PX, type Ctx2D, type TrackFrame } from './frame';
import { baseColor } from './draw-sequence';
import { MAX_PX_PER_BASE } from './viewport-math';

export interface RelevanceData {
  slice: TrackSlice | null;
  /** Symmetric scale: ±maxAbs maps to the track's half height. */
  maxAbs: number;
}

/** The largest |relevance| in a slice (for a scale that fits what is on screen). */
export function sliceMaxAbs(slice: TrackSlice | null): number {
  if (!slice) return 0;
  let m = 0;
  for (const b of slice.bins) m = Math.max(m, Math.abs(b.min), Math.abs(b.max));
  return m;
}

export function formatRelevance(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e3 || a < 1e-2 ? x.toExponential(2) : x.toPrecision(3);
}

export function drawRelevance(ctx: Ctx2D, frame: TrackFrame, data: RelevanceData): void {
  const { colors, heightPx, widthPx } = frame;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  const mid = Math.round(heightPx / 2) + 0.5;
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, mid);
  ctx.lineTo(widthPx, mid);
  ctx.stroke();
  const { slice } = data;
  if (!slice) return;
  // All zero here (a high p can prune a region to nothing): say so where the scale goes, or the
  // empty track looks like one that failed to draw.
  if (data.maxAbs <= 0) return drawScaleLabel(ctx, frame, NO_RELEVANCE_LABEL, 0);
  // Leave 2 px at the top and bottom so the largest value does not touch the border.
  const half = heightPx / 2 - 2;
  const toPx = (v: number) => (v / data.maxAbs) * half;
  if (slice.bases && slice.letters && 1 / frame.bpPerPixel >= LETTER_MIN_PX) drawLogo(ctx, frame, slice, mid, toPx);
  else drawBars(ctx, frame, slice.bins, mid, toPx);
  drawScaleLabel(ctx, frame, `+${formatRelevance(data.maxAbs)}`, 0);
  drawScaleLabel(ctx, frame, `−${formatRelevance(data.maxAbs)}`, heightPx - SCALE_LABEL_PX);
}

/** The scale label of a track whose relevance is zero at every base in view. */
export const NO_RELEVANCE_LABEL = '0: no relevance in view';

/** Height of the scale labels' backing box (10 px text plus a pixel either side). */
const SCALE_LABEL_PX = 12;

/**
 * A scale label in a corner, drawn after the data on a nearly opaque box of the background colour:
 * a tall letter or bar under it must not make it unreadable.
 */
function drawScaleLabel(ctx: Ctx2D, frame: TrackFrame, text: string, top: number): void {
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = frame.colors.background;
  ctx.globalAlpha = 0.85;
  ctx.fillRect(0, top, ctx.measureText(text).width + 4, SCALE_LABEL_PX);
  ctx.globalAlpha = 1;
  ctx.fillStyle = frame.colors.muted;
  ctx.fillText(text, 2, top + SCALE_LABEL_PX / 2);
}

function drawBars(ctx: Ctx2D, frame: TrackFrame, bins: TrackBin[], mid: number, toPx: (v: number) => number): void {
  for (const bin of bins) {
    const x0 = bpToPx(frame, bin.startBp);
    const x1 = bpToPx(frame, bin.endBp);
    if (x1 < 0 || x0 > frame.widthPx) continue;
    const w = Math.max(1, x1 - x0);
    if (bin.max > 0) {
      ctx.fillStyle = frame.colors.positive;
      ctx.fillRect(x0, mid - toPx(bin.max), w, toPx(bin.max));
    }
    if (bin.min < 0) {
      ctx.fillStyle = frame.colors.negative;
      ctx.fillRect(x0, mid, w, -toPx(bin.min));
    }
  }
}

function drawLogo(ctx: Ctx2D, frame: TrackFrame, slice: TrackSlice, mid: number, toPx: (v: number) => number): void {
  const pxPerBase = 1 / frame.bpPerPixel;
  // A short sequence is stretched to fill the width: its letters stay as wide as at the deepest
  // zoom of a long one, centred in their base, instead of turning into flat smears.
  const glyphPx = Math.min(pxPerBase, MAX_PX_PER_BASE);
  const letters = slice.letters ?? '';
  const bases = slice.bases ?? [];
  // Glyphs are drawn at a 10 px em and stretched: cap height ≈ 0.72 em for system sans fonts.
  const EM = 10;
  const CAP = 0.72 * EM;
  ctx.font = `bold ${EM}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (let i = 0; i < bases.length; i++) {
    const r = bases[i][0] + bases[i][1] + bases[i][2] + bases[i][3];
    const h = toPx(Math.abs(r));
    if (h < 0.5) continue;
    const x = bpToPx(frame, slice.startBp + i) + pxPerBase / 2;
    const letter = letters[i] ?? 'N';
    ctx.save();
    ctx.fillStyle = baseColor(frame, letter);
    // Positive letters stand on the midline; negative ones hang below it, upside down.
    ctx.translate(x, mid);
    ctx.scale(glyphPx / (0.7 * EM), r >= 0 ? h / CAP : -h / CAP);
    ctx.fillText(letter, 0, 0);
    ctx.restore();
  }
}
