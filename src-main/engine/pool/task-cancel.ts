// The explain task's shared cancel flag: the run service sets it, the worker polls it between steps.
import { AppError } from '../../shared/errors';
import type { ExplainTask } from './explain-task';

/** The run service sets the task's shared flag to cancel it. */
export function isCancelled(task: ExplainTask): boolean {
  return Atomics.load(task.cancelFlag, 0) !== 0;
}

export function checkCancelled(task: ExplainTask): void {
  if (isCancelled(task)) throw new AppError('CANCELLED', 'the run was cancelled');
}
