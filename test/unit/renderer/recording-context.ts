// A fake 2D context that records every drawing call, so the pure track draw functions are tested
// under Node: what was filled where, in which colour, and which letters were written.
import type { Ctx2D } from '../../../src-renderer/src/lib/tracks/frame';

export interface DrawCall {
  op: string;
  args: (number | string)[];
  fillStyle: string;
}

export class RecordingContext implements Ctx2D {
  fillStyle: string | CanvasGradient | CanvasPattern = '#000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
  lineWidth = 1;
  font = '';
  textAlign: CanvasTextAlign = 'left';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  globalAlpha = 1;
  calls: DrawCall[] = [];
  private rec(op: string, args: (number | string)[]) {
    this.calls.push({ op, args, fillStyle: String(this.fillStyle) });
  }
  fillRect(x: number, y: number, w: number, h: number) { this.rec('fillRect', [x, y, w, h]); }
  strokeRect(x: number, y: number, w: number, h: number) { this.rec('strokeRect', [x, y, w, h]); }
  clearRect(x: number, y: number, w: number, h: number) { this.rec('clearRect', [x, y, w, h]); }
  fillText(t: string, x: number, y: number) { this.rec('fillText', [t, x, y]); }
  /** A fixed-pitch stand-in for the font: wide enough to test that labels fit, with no canvas. */
  measureText(t: string) { return { width: t.length * RecordingContext.CHAR_PX }; }
  static readonly CHAR_PX = 6;
  beginPath() { this.rec('beginPath', []); }
  moveTo(x: number, y: number) { this.rec('moveTo', [x, y]); }
  lineTo(x: number, y: number) { this.rec('lineTo', [x, y]); }
  stroke() { this.rec('stroke', []); }
  save() { this.rec('save', []); }
  restore() { this.rec('restore', []); }
  translate(x: number, y: number) { this.rec('translate', [x, y]); }
  scale(x: number, y: number) { this.rec('scale', [x, y]); }

  ops(op: string): DrawCall[] {
    return this.calls.filter((c) => c.op === op);
  }
  texts(): string[] {
    return this.ops('fillText').map((c) => String(c.args[0]));
  }
}
