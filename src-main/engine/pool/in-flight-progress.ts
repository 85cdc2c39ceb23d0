// The service's side of ./task-progress: one shared cell per task in flight, so a run's progress can
// count the part of its batches the workers have already computed, not only the stored batches.
import { TASK_PROGRESS_SCALE, TASK_PROGRESS_SLOTS } from './task-progress';

export class InFlightProgress {
  /** Cell → sequences of its task whose results will count as done. */
  private readonly cells = new Map<Int32Array, number>();

  /** A cell for a task of `sequences` sequences, counted until it is released. */
  track(sequences: number): Int32Array {
    const cell = new Int32Array(new SharedArrayBuffer(4 * TASK_PROGRESS_SLOTS));
    this.cells.set(cell, sequences);
    return cell;
  }

  /** The task's results are stored (or dropped): its sequences count elsewhere now. */
  release(cell: Int32Array | undefined): void {
    if (cell) this.cells.delete(cell);
  }

  /**
   * Whether the tasks that have done some work weigh it by measured step times (./task-progress);
   * a task still queued or at its first step adds nothing to the estimate either way.
   */
  calibrated(): boolean {
    for (const cell of this.cells.keys()) if (Atomics.load(cell, 0) > 0 && Atomics.load(cell, 1) !== 1) return false;
    return true;
  }

  /** Sequences' worth of work already done in tasks still computing (fractional). */
  sequences(): number {
    let sum = 0;
    for (const [cell, n] of this.cells) sum += (Atomics.load(cell, 0) / TASK_PROGRESS_SCALE) * n;
    return sum;
  }
}
