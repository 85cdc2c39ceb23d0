// The one shared viewport of all tracks, as pure arithmetic: clamp, zoom about a point, pan, jump.
// All tracks read the same {startBp, bpPerPixel}, which is what keeps them aligned.
import type { GenomePlace } from '../../../../src-main/shared/run-api';
import { spanText } from './genome-place';

export interface ViewportState {
  lengthBp: number;
  widthPx: number;
  startBp: number;
  bpPerPixel: number;
}

/** At most this many pixels per base: a letter is then big enough to read without wasting space. */
export const MAX_PX_PER_BASE = 24;

/**
 * The deepest zoom. A sequence shorter than the width at MAX_PX_PER_BASE is stretched to fill it
 * instead: the view must never show positions past the sequence's end.
 */
export function minBpPerPixel(v: Pick<ViewportState, 'lengthBp' | 'widthPx'>): number {
  return Math.min(1 / MAX_PX_PER_BASE, v.lengthBp / Math.max(1, v.widthPx));
}

export function maxBpPerPixel(v: Pick<ViewportState, 'lengthBp' | 'widthPx'>): number {
  return Math.max(minBpPerPixel(v), v.lengthBp / Math.max(1, v.widthPx));
}

export function clampViewport(v: ViewportState): ViewportState {
  const bpPerPixel = Math.min(maxBpPerPixel(v), Math.max(minBpPerPixel(v), v.bpPerPixel));
  const visible = bpPerPixel * v.widthPx;
  const startBp = Math.min(Math.max(0, v.lengthBp - visible), Math.max(0, v.startBp));
  return { ...v, bpPerPixel, startBp };
}

/** Whole sequence in view. */
export function fitViewport(lengthBp: number, widthPx: number): ViewportState {
  return clampViewport({ lengthBp, widthPx, startBp: 0, bpPerPixel: maxBpPerPixel({ lengthBp, widthPx }) });
}

/** factor < 1 zooms in; the base under anchorPx stays under it. */
export function zoomAt(v: ViewportState, factor: number, anchorPx = v.widthPx / 2): ViewportState {
  const anchorBp = v.startBp + anchorPx * v.bpPerPixel;
  const next = clampViewport({ ...v, bpPerPixel: v.bpPerPixel * factor });
  return clampViewport({ ...next, startBp: anchorBp - anchorPx * next.bpPerPixel });
}

export function panBy(v: ViewportState, dxPx: number): ViewportState {
  return clampViewport({ ...v, startBp: v.startBp - dxPx * v.bpPerPixel });
}

/**
 * Centres a region (0-based, end exclusive) and zooms in or out so it takes `fill` of the width
 * (1 = exactly the region), as far as the zoom limits and the sequence's ends allow.
 */
export function jumpTo(v: ViewportState, startBp: number, endBp = startBp + 1, fill = 1): ViewportState {
  const span = Math.max(1, endBp - startBp);
  const next = clampViewport({ ...v, bpPerPixel: span / (fill * v.widthPx) });
  return clampViewport({ ...next, startBp: (startBp + endBp) / 2 - (next.widthPx * next.bpPerPixel) / 2 });
}

/**
 * The visible region as the readout shows it: 1-based first and last base, both with thousands
 * separators; for a region of a genome (`place`), on its chromosome. The epsilon keeps a view
 * ending exactly on a base boundary from reading one base more.
 */
export function regionLabel(v: ViewportState, place: GenomePlace | null = null): string {
  const first = Math.floor(v.startBp + 1e-6);
  const last = Math.min(v.lengthBp, Math.ceil(v.startBp + v.widthPx * v.bpPerPixel - 1e-6));
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (place) return `${spanText(place, first, last)} (${fmt(last - first)} of the region's ${fmt(v.lengthBp)} bp)`;
  return `${spanText(null, first, last)} of ${fmt(v.lengthBp)} bp`;
}

/** A view showing the whole sequence keeps showing all of it at the new width; others keep zoom. */
export function resize(v: ViewportState, widthPx: number): ViewportState {
  const wasFit = v.startBp <= 0 && v.bpPerPixel >= maxBpPerPixel(v) - 1e-12;
  return wasFit ? fitViewport(v.lengthBp, widthPx) : clampViewport({ ...v, widthPx });
}

/** The slice to ask the service for: whole bases covering the view, binned to about 1 bin/pixel. */
export function sliceRequestFor(v: ViewportState): { startBp: number; endBp: number; bpPerBin: number } {
  const startBp = Math.max(0, Math.floor(v.startBp));
  const endBp = Math.min(v.lengthBp, Math.ceil(v.startBp + v.widthPx * v.bpPerPixel));
  return { startBp, endBp: Math.max(endBp, startBp + 1), bpPerBin: Math.max(1, Math.floor(v.bpPerPixel)) };
}
