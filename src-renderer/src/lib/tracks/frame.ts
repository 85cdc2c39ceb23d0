// What every track's pure draw function receives (igv.js's "reference frame"): the visible region as
// a start and a zoom (bp per pixel), the canvas size in CSS pixels, and the theme's colours. Drawing
// against this, never against component state, is what lets the tests run without a browser.
export interface TrackColors {
  background: string;
  text: string;
  muted: string;
  grid: string;
  positive: string;
  negative: string;
  bases: Record<'A' | 'C' | 'G' | 'T' | 'N', string>;
}

export interface TrackFrame {
  startBp: number;
  bpPerPixel: number;
  widthPx: number;
  heightPx: number;
  colors: TrackColors;
}

/** The subset of CanvasRenderingContext2D the tracks use; a recording fake implements it in tests. */
export interface Ctx2D {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  scale(x: number, y: number): void;
}

export const LIGHT_COLORS: TrackColors = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#656d76',
  grid: '#d0d7de',
  // Red for positive (evidence for the target), blue for negative: the usual LRP heat-map convention.
  positive: '#cf222e',
  negative: '#0969da',
  bases: { A: '#1a7f37', C: '#0550ae', G: '#bc4c00', T: '#cf222e', N: '#8c959f' },
};

export const DARK_COLORS: TrackColors = {
  background: '#0d1117',
  text: '#e6edf3',
  muted: '#9198a1',
  grid: '#30363d',
  positive: '#ff7b72',
  negative: '#58a6ff',
  bases: { A: '#3fb950', C: '#79c0ff', G: '#ffa657', T: '#ff7b72', N: '#9198a1' },
};

export function bpToPx(frame: TrackFrame, bp: number): number {
  return (bp - frame.startBp) / frame.bpPerPixel;
}

export function pxToBp(frame: TrackFrame, px: number): number {
  return frame.startBp + px * frame.bpPerPixel;
}

export function endBp(frame: TrackFrame): number {
  return frame.startBp + frame.widthPx * frame.bpPerPixel;
}

/** Pixels per base; letters are drawn only when a base is at least this wide (else unreadable). */
export const LETTER_MIN_PX = 8;

export function showsLetters(frame: TrackFrame): boolean {
  return 1 / frame.bpPerPixel >= LETTER_MIN_PX;
}
