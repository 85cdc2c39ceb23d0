// The one shared viewport of all tracks, as pure arithmetic: clamp, zoom about a point, pan, jump.
// All tracks read the same {startBp, bpPerPixel}, which is what keeps them aligned.
export interface ViewportState {
  lengthBp: number;
  widthPx: number;
  startBp: number;
  bpPerPixel: number;
}

/** At most this many pixels per base: a letter is then big enough to read without wasting space. */
export const MAX_PX_PER_BASE = 24;

export function minBpPerPixel(): number {
  return 1 / MAX_PX_PER_BASE;
}

export function maxBpPerPixel(v: Pick<ViewportState, 'lengthBp' | 'widthPx'>): number {
  return Math.max(minBpPerPixel(), v.lengthBp / Math.max(1, v.widthPx));
}

export function clampViewport(v: ViewportState): ViewportState {
  const bpPerPixel = Math.min(maxBpPerPixel(v), Math.max(minBpPerPixel(), v.bpPerPixel));
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

/** Centres a region; zooms in so it fills about half the width when it is small enough. */
export function jumpTo(v: ViewportState, startBp: number, endBp = startBp + 1): ViewportState {
  const span = Math.max(1, endBp - startBp);
  const bpPerPixel = Math.min(v.bpPerPixel, (span * 2) / v.widthPx);
  const next = clampViewport({ ...v, bpPerPixel: Math.max(bpPerPixel, minBpPerPixel()) });
  return clampViewport({ ...next, startBp: (startBp + endBp) / 2 - (next.widthPx * next.bpPerPixel) / 2 });
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
