import { afterEach, describe, expect, it, vi } from 'vitest';
import { TASK_PROGRESS_SCALE, TASK_PROGRESS_SLOTS, TaskProgress } from '../../../../src-main/engine/pool/task-progress';
import { InFlightProgress } from '../../../../src-main/engine/pool/in-flight-progress';

/** performance.now() under the test's control. */
function clock(): { advance: (ms: number) => void } {
  let now = 1_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return { advance: (ms) => { now += ms; } };
}

const cellValue = (cell: Int32Array): number => Atomics.load(cell, 0) / TASK_PROGRESS_SCALE;
const newCell = (): Int32Array => new Int32Array(new SharedArrayBuffer(4 * TASK_PROGRESS_SLOTS));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a task reports how far it is', () => {
  it('writes the done fraction to the shared cell, step by step, up to 1', () => {
    const cell = newCell();
    const p = new TaskProgress(cell, { explain: 4 });
    p.begin('explain');
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      p.step();
      seen.push(cellValue(cell));
    }
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('weights a phase by how long its steps took in the previous task', () => {
    const t = clock();
    // First task: an explain step takes 10 ms, a motif takes 90 ms.
    const first = new TaskProgress(undefined, { explain: 2, scan: 2 });
    first.begin('explain');
    for (let i = 0; i < 2; i++) { t.advance(10); first.step(); }
    first.begin('scan');
    for (let i = 0; i < 2; i++) { t.advance(90); first.step(); }
    first.finish();
    // The next task's explain steps are a tenth of its time, not half.
    const cell = newCell();
    const next = new TaskProgress(cell, { explain: 2, scan: 2 });
    next.begin('explain');
    next.step(2);
    expect(cellValue(cell)).toBeCloseTo(0.1, 6);
    next.begin('scan');
    next.step();
    expect(cellValue(cell)).toBeCloseTo(0.55, 6);
  });

  it('never goes backwards and restarts from 0 when a batch is retried', () => {
    const cell = newCell();
    const p = new TaskProgress(cell, { seqlets: 1 });
    p.begin('seqlets');
    p.step(3); // more steps than planned
    expect(cellValue(cell)).toBe(1);
    new TaskProgress(cell, { seqlets: 1 });
    expect(cellValue(cell)).toBe(0);
  });
});

describe('calibration', () => {
  it('marks a task calibrated once every phase it plans has been timed in this worker', () => {
    const first = newCell();
    const untimed = new TaskProgress(first, { metrics: 2 });
    expect(Atomics.load(first, 1)).toBe(0);
    untimed.begin('metrics');
    untimed.step(2);
    untimed.finish();
    const second = newCell();
    new TaskProgress(second, { metrics: 2 });
    expect(Atomics.load(second, 1)).toBe(1);
  });

  it('lets the service trust the estimate only when the working tasks are calibrated', () => {
    const inFlight = new InFlightProgress();
    const working = inFlight.track(10);
    const queued = inFlight.track(10);
    Atomics.store(working, 0, TASK_PROGRESS_SCALE / 2);
    expect(inFlight.calibrated()).toBe(false);
    Atomics.store(working, 1, 1);
    // The queued task has done nothing yet, calibrated or not.
    expect(Atomics.load(queued, 1)).toBe(0);
    expect(inFlight.calibrated()).toBe(true);
  });
});

describe('the service sums the tasks in flight', () => {
  it('counts each task as its done fraction of its sequences until released', () => {
    const inFlight = new InFlightProgress();
    const a = inFlight.track(100);
    const b = inFlight.track(50);
    Atomics.store(a, 0, 0.5 * TASK_PROGRESS_SCALE);
    Atomics.store(b, 0, 0.2 * TASK_PROGRESS_SCALE);
    expect(inFlight.sequences()).toBeCloseTo(60, 9);
    inFlight.release(a);
    expect(inFlight.sequences()).toBeCloseTo(10, 9);
  });
});
