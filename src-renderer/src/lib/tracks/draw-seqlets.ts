// The seqlet track: seqlets of ONE explanation (several explanations' seqlets in one row overprint
// into a band), positive ones in the upper half, negative ones in the lower. Zoomed out (a base
// narrower than a pixel), only significant seqlets are drawn, so dozens of weak negative seqlets
// do not merge into one blue bar; zoomed in, every seqlet is shown.
import type { SeqletRow } from '../../../../src-main/shared/run-api';
import { bpToPx, type Ctx2D, type TrackFrame } from './frame';

/** Seqlets with p above this are hidden when zoomed out. */
export const SIGNIFICANT_P = 0.01;

/** The explanation whose seqlets are shown by default: the first PLRP one, else the first. */
export function defaultSeqletExplanation(explanations: { id: string; method: string }[]): string {
  return (explanations.find((e) => e.method !== 'lrp') ?? explanations[0])?.id ?? '';
}

export function zoomedOut(frame: TrackFrame): boolean {
  return frame.bpPerPixel >= 1;
}

/** The seqlets the track draws for this frame: one explanation, in view, significant when zoomed out. */
export function visibleSeqlets(seqlets: readonly SeqletRow[], explanationId: string, frame: TrackFrame): SeqletRow[] {
  const end = frame.startBp + frame.widthPx * frame.bpPerPixel;
  return seqlets.filter((s) => s.explanationId === explanationId && s.endBp > frame.startBp && s.startBp < end && (!zoomedOut(frame) || s.pValue <= SIGNIFICANT_P));
}

export interface SeqletBox {
  seqlet: SeqletRow;
  x: number;
  y: number;
  w: number;
  h: number;
}

export function layoutSeqlets(seqlets: readonly SeqletRow[], frame: TrackFrame): SeqletBox[] {
  const half = frame.heightPx / 2;
  return seqlets.map((s) => {
    const x = bpToPx(frame, s.startBp);
    return { seqlet: s, x, y: s.sign === '+' ? 1 : half + 1, w: Math.max(2, bpToPx(frame, s.endBp) - x), h: half - 2 };
  });
}

export function drawSeqlets(ctx: Ctx2D, frame: TrackFrame, boxes: readonly SeqletBox[], hidden: number): void {
  const { colors, widthPx, heightPx } = frame;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, heightPx / 2);
  ctx.lineTo(widthPx, heightPx / 2);
  ctx.stroke();
  for (const b of boxes) {
    ctx.fillStyle = b.seqlet.sign === '+' ? colors.positive : colors.negative;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(b.x, b.y, b.w, b.h);
    ctx.globalAlpha = 1;
  }
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colors.muted;
  if (boxes.length === 0) {
    ctx.textAlign = 'left';
    ctx.fillText(hidden > 0 ? `no significant seqlets (p ≤ ${SIGNIFICANT_P}) here; zoom in for all ${hidden}` : 'no seqlets', 4, heightPx / 2);
  } else if (hidden > 0) {
    ctx.fillText(`${hidden} weaker hidden; zoom in`, widthPx - 4, heightPx / 2);
  }
}

export function seqletAt(boxes: readonly SeqletBox[], x: number, y: number): SeqletRow | null {
  for (const b of boxes) if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) return b.seqlet;
  return null;
}
