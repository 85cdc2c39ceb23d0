// A trivial pool task module for testing the pool mechanics without a model: squares numbers,
// can wait on a shared gate, honour the cancel flag, fail, or kill its own worker thread.
import { AppError } from '../../../../../src-main/shared/errors';
import { runWorkerTask } from '../../../../../src-main/engine/pool/task-outcome';

export interface ToyTask {
  id: number;
  values: number[];
  /** Task blocks until gate[0] !== 0 (shared memory; the test opens it). */
  gate?: Int32Array;
  cancelFlag?: Int32Array;
  /** Incremented when a task starts (shared memory). */
  started?: Int32Array;
  fail?: boolean;
  /** Exits the worker thread while dieCounter[0] (shared, counts attempts) < dieTimes. */
  dieCounter?: Int32Array;
  dieTimes?: number;
}

export interface ToyResult {
  id: number;
  squares: Float32Array;
}

export default async function handle(task: ToyTask): Promise<unknown> {
  return runWorkerTask(async () => {
    if (task.started) Atomics.add(task.started, 0, 1);
    if (task.dieCounter && Atomics.add(task.dieCounter, 0, 1) < (task.dieTimes ?? 1)) process.exit(7);
    if (task.fail) throw new AppError('BAD_MODEL', `toy task ${task.id} failed on purpose`);
    while (task.gate && Atomics.load(task.gate, 0) === 0) {
      if (task.cancelFlag && Atomics.load(task.cancelFlag, 0) !== 0) break;
      Atomics.wait(task.gate, 0, 0, 5);
    }
    if (task.cancelFlag && Atomics.load(task.cancelFlag, 0) !== 0) throw new AppError('CANCELLED', 'cancelled');
    const squares = Float32Array.from(task.values, (v) => v * v);
    const result: ToyResult = { id: task.id, squares };
    return { value: result, transfer: [squares.buffer as ArrayBuffer] };
  });
}
