// Reactive wrapper of the shared track viewport (see ../tracks/viewport-math): every track and the
// zoom/pan/jump controls read and write this one object.
import { clampViewport, fitViewport, jumpTo, panBy, resize, sliceRequestFor, zoomAt, type ViewportState } from '../tracks/viewport-math';

export class Viewport {
  state = $state<ViewportState>({ lengthBp: 1, widthPx: 800, startBp: 0, bpPerPixel: 1 });
  readonly endBp = $derived(this.state.startBp + this.state.widthPx * this.state.bpPerPixel);
  readonly slice = $derived(sliceRequestFor(this.state));

  reset(lengthBp: number, widthPx = this.state.widthPx): void {
    this.state = fitViewport(lengthBp, widthPx);
  }
  setWidth(widthPx: number): void {
    if (widthPx > 0 && Math.abs(widthPx - this.state.widthPx) >= 1) this.state = resize(this.state, Math.floor(widthPx));
  }
  zoom(factor: number, anchorPx?: number): void {
    this.state = zoomAt(this.state, factor, anchorPx);
  }
  pan(dxPx: number): void {
    this.state = panBy(this.state, dxPx);
  }
  jump(startBp: number, endBp?: number, fill?: number): void {
    this.state = jumpTo(this.state, startBp, endBp, fill);
  }
  fit(): void {
    this.state = fitViewport(this.state.lengthBp, this.state.widthPx);
  }
  set(v: Partial<ViewportState>): void {
    this.state = clampViewport({ ...this.state, ...v });
  }
}
