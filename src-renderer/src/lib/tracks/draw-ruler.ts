// Ruler track, as in igv.js and JBrowse: ticks at 1-based positions that are multiples of a "nice"
// step (1, 2, 5 × 10^k bp) chosen so labels never overlap, each label exact at that step ("25,010"
// at a 10-bp step, "26 kb" at a 1-kb step), and every label kept inside the canvas.
import { bpToPx, endBp, type Ctx2D, type TrackFrame } from './frame';

/** Minimum pixels between labelled ticks. */
const MIN_TICK_PX = 80;
/** Free pixels kept between two labels and between a label and the canvas edge. */
const LABEL_GAP_PX = 4;

export function tickStepBp(bpPerPixel: number): number {
  const raw = MIN_TICK_PX * bpPerPixel;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return Math.max(1, m * pow);
  return Math.max(1, 10 * pow);
}

/**
 * A tick label, in the largest unit the step is a whole multiple of: then labels of neighbouring
 * ticks always differ, and the number is exact (never "25 kb" for 25,010).
 */
export function formatTick(positionBp: number, stepBp: number): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (stepBp >= 1e6 && stepBp % 1e6 === 0) return `${fmt(positionBp / 1e6)} Mb`;
  if (stepBp >= 1e3 && stepBp % 1e3 === 0) return `${fmt(positionBp / 1e3)} kb`;
  return fmt(positionBp);
}

export interface RulerTick {
  /** 1-based position. */
  position: number;
  /** Where the tick mark is: the centre of its base. */
  x: number;
  label: string;
}

/**
 * The ticks whose base centre is on screen. `originBp` is the genome coordinate of the sequence's
 * position 0 (a region's start on its chromosome): ticks then fall on round genome positions and
 * are labelled with them (a region at chr2:10,001 starts at 10,001, not 1).
 */
export function rulerTicks(frame: TrackFrame, originBp = 0): RulerTick[] {
  const step = tickStepBp(frame.bpPerPixel);
  const ticks: RulerTick[] = [];
  // 1-based position p is the 0-based base p − 1, whose centre is at p − 0.5 (in the sequence's
  // own coordinates, p − originBp − 0.5).
  const first = Math.max(step, Math.ceil((originBp + frame.startBp + 0.5) / step) * step);
  for (let p = first; p - originBp - 0.5 < endBp(frame); p += step) {
    ticks.push({ position: p, x: Math.round(bpToPx(frame, p - originBp - 0.5)) + 0.5, label: formatTick(p, step) });
  }
  return ticks;
}

export function drawRuler(ctx: Ctx2D, frame: TrackFrame, originBp = 0): void {
  const { colors, heightPx, widthPx } = frame;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.text;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  let lastRight = -Infinity;
  for (const tick of rulerTicks(frame, originBp)) {
    ctx.beginPath();
    ctx.moveTo(tick.x, heightPx - 8);
    ctx.lineTo(tick.x, heightPx);
    ctx.stroke();
    // Centred over the tick, but shifted inwards at the canvas edges instead of being clipped; a
    // label that would then touch its neighbour is left out (its tick mark stays).
    const half = ctx.measureText(tick.label).width / 2;
    const centre = Math.min(widthPx - half - LABEL_GAP_PX / 2, Math.max(half + LABEL_GAP_PX / 2, tick.x));
    if (centre - half < lastRight + LABEL_GAP_PX) continue;
    ctx.fillText(tick.label, centre, 2);
    lastRight = centre + half;
  }
  ctx.beginPath();
  ctx.moveTo(0, heightPx - 0.5);
  ctx.lineTo(widthPx, heightPx - 0.5);
  ctx.stroke();
}
