// Ruler track: tick marks at a "nice" step (1, 2, 5 × 10^k bp) chosen so labels never overlap, with
// 1-based positions as genome browsers show them.
import { bpToPx, endBp, type Ctx2D, type TrackFrame } from './frame';

/** Minimum pixels between labelled ticks. */
const MIN_TICK_PX = 80;

export function tickStepBp(bpPerPixel: number): number {
  const raw = MIN_TICK_PX * bpPerPixel;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return Math.max(1, m * pow);
  return Math.max(1, 10 * pow);
}

export function formatBp(bp: number): string {
  if (bp >= 1e6) return `${+(bp / 1e6).toFixed(2)} Mb`;
  if (bp >= 1e4) return `${+(bp / 1e3).toFixed(1)} kb`;
  return bp.toLocaleString('en-US');
}

export function drawRuler(ctx: Ctx2D, frame: TrackFrame): void {
  const { colors, heightPx, widthPx } = frame;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  const step = tickStepBp(frame.bpPerPixel);
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.text;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const first = Math.ceil(frame.startBp / step) * step;
  // Only bases whose centre is on screen: a tick at the right edge would print a clipped label.
  for (let bp = first; bp + 0.5 < endBp(frame); bp += step) {
    // Tick at the centre of the base, labelled 1-based.
    const x = Math.round(bpToPx(frame, bp + 0.5)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, heightPx - 8);
    ctx.lineTo(x, heightPx);
    ctx.stroke();
    ctx.fillText(formatBp(bp + 1), x, 2);
  }
  ctx.beginPath();
  ctx.moveTo(0, heightPx - 0.5);
  ctx.lineTo(widthPx, heightPx - 0.5);
  ctx.stroke();
}
