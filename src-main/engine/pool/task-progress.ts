// How far a worker is through its task, written to a cell of shared memory that the service reads
// while the batch computes: a batch of 1,024 sequences takes seconds to minutes, and progress that
// moved only when a batch finished left the bar frozen (a 2,000-sequence run went 0 → 51 → 100 %).
// The cell holds the done fraction of the task × TASK_PROGRESS_SCALE, then 1 if that fraction is
// calibrated. A task's phases take steps of very different length (an ORT call, one motif over the
// batch, one explanation's seqlets), so a step is weighted by how long that phase's steps took in
// this worker's previous task; a worker's first task has no such times, and its fraction is only
// roughly proportional to time (good enough for the bar, not for an ETA).

export const TASK_PROGRESS_SCALE = 1_000_000;

/** Int32 slots of a task's progress cell: the done fraction, and whether it is calibrated. */
export const TASK_PROGRESS_SLOTS = 2;

export type TaskPhase = 'explain' | 'metrics' | 'scan' | 'seqlets';

/** Weight of a step of a phase no task in this worker has timed yet. */
const UNTIMED_STEP_MS = 1;

/** Milliseconds per step of each phase, from this worker's last task that ran it. */
const measuredStepMs = new Map<TaskPhase, number>();

export class TaskProgress {
  private readonly done = new Map<TaskPhase, number>();
  private readonly weight: Map<TaskPhase, number>;
  private readonly totalWeight: number;
  private current: { phase: TaskPhase; startedMs: number } | null = null;
  private written = 0;

  /** `plan`: the number of steps of each phase the task will run. */
  constructor(private readonly cell: Int32Array | undefined, private readonly plan: Partial<Record<TaskPhase, number>>) {
    this.weight = new Map(Object.keys(plan).map((p) => [p as TaskPhase, measuredStepMs.get(p as TaskPhase) ?? UNTIMED_STEP_MS]));
    let total = 0;
    for (const [phase, w] of this.weight) total += w * (plan[phase] ?? 0);
    this.totalWeight = total;
    if (cell) {
      Atomics.store(cell, 0, 0);
      const calibrated = Object.entries(plan).every(([phase, steps]) => !steps || measuredStepMs.has(phase as TaskPhase));
      Atomics.store(cell, 1, calibrated ? 1 : 0);
    }
  }

  /** Starts timing `phase` (and ends the phase before it). */
  begin(phase: TaskPhase): void {
    this.endPhase();
    this.current = { phase, startedMs: performance.now() };
  }

  /** One step of the current phase is done. */
  step(n = 1): void {
    if (!this.current) return;
    const phase = this.current.phase;
    this.done.set(phase, (this.done.get(phase) ?? 0) + n);
    this.write();
  }

  /** Ends the last phase: its step time weighs the next task's progress. */
  finish(): void {
    this.endPhase();
    this.current = null;
  }

  /** Done fraction of the task, 0…1. */
  fraction(): number {
    if (this.totalWeight <= 0) return 0;
    let done = 0;
    for (const [phase, w] of this.weight) done += w * Math.min(this.done.get(phase) ?? 0, this.plan[phase] ?? 0);
    return Math.min(1, done / this.totalWeight);
  }

  private endPhase(): void {
    if (!this.current) return;
    const steps = this.done.get(this.current.phase) ?? 0;
    if (steps > 0) measuredStepMs.set(this.current.phase, (performance.now() - this.current.startedMs) / steps);
  }

  private write(): void {
    if (!this.cell) return;
    // Never backwards, even if a step count overshoots the plan.
    const value = Math.max(this.written, Math.floor(this.fraction() * TASK_PROGRESS_SCALE));
    if (value === this.written) return;
    this.written = value;
    Atomics.store(this.cell, 0, value);
  }
}
