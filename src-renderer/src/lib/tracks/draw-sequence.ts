// Sequence track: coloured base letters when a base is wide enough to read, coloured blocks when it
// is a few pixels wide, and nothing (a hint line) when zoomed out further.
import { bpToPx, LETTER_MIN_PX, type Ctx2D, type TrackFrame } from './frame';

export interface SequenceData {
  startBp: number;
  letters: string;
}

const BLOCK_MIN_PX = 2;

export function baseColor(frame: TrackFrame, letter: string): string {
  const b = frame.colors.bases as Record<string, string>;
  return b[letter] ?? frame.colors.bases.N;
}

export function drawSequence(ctx: Ctx2D, frame: TrackFrame, data: SequenceData | null): void {
  const { colors, heightPx, widthPx } = frame;
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, widthPx, heightPx);
  const pxPerBase = 1 / frame.bpPerPixel;
  if (!data || pxPerBase < BLOCK_MIN_PX) {
    ctx.fillStyle = colors.muted;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(data ? 'zoom in to see the sequence' : '', 4, heightPx / 2);
    return;
  }
  ctx.font = `bold ${Math.min(14, Math.floor(pxPerBase))}px ui-monospace, monospace`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < data.letters.length; i++) {
    const x = bpToPx(frame, data.startBp + i);
    if (x + pxPerBase < 0 || x > widthPx) continue;
    const letter = data.letters[i];
    ctx.fillStyle = baseColor(frame, letter);
    if (pxPerBase >= LETTER_MIN_PX) ctx.fillText(letter, x + pxPerBase / 2, heightPx / 2);
    else ctx.fillRect(x, 2, pxPerBase, heightPx - 4);
  }
}
