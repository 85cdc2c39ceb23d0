// A fixed-size pool of worker threads (piscina) that run engine tasks. Sized by ./pool-size; every
// worker boots through worker-bootstrap.js so it can load TypeScript task modules. A worker that
// dies (exit, uncaught error) is replaced by piscina; its task rejects here as AppError('WORKER_DIED')
// so the scheduler can retry it and the run can report it.
import { Piscina } from 'piscina';
import { AppError, fromErrorPayload, isAppError, errorMessage } from '../../shared/errors';
import { poolSizing, type PoolSizing } from './pool-size';
import type { TaskOutcome } from './task-outcome';

const BOOTSTRAP_URL = new URL('./worker-bootstrap.js', import.meta.url);

export interface EnginePoolOptions {
  /** URL of the TypeScript (or JS) module whose default export handles tasks (see ./task-outcome). */
  handlerUrl: URL;
  threads?: number;
  intraOpThreads?: number;
  cores?: number;
}

export class EnginePool {
  readonly sizing: PoolSizing;
  private readonly piscina: Piscina;
  private destroyed = false;

  constructor(options: EnginePoolOptions) {
    this.sizing = poolSizing(options);
    this.piscina = new Piscina({
      filename: BOOTSTRAP_URL.href,
      minThreads: this.sizing.workers,
      maxThreads: this.sizing.workers,
      // Warm ORT sessions live in the workers: never retire idle ones.
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
      workerData: { handlerUrl: options.handlerUrl.href, intraOpThreads: this.sizing.intraOpThreads },
    });
    // With no task in flight piscina reports a dying worker as a pool 'error'; the worker is
    // replaced anyway, and the next task that fails says so, so nothing is lost by not rethrowing.
    this.piscina.on('error', () => undefined);
  }

  get workers(): number {
    return this.sizing.workers;
  }

  /**
   * Runs one task; AppError from the task's own failure, AppError('WORKER_DIED') if its worker died.
   * `transfer`: buffers of the task to move to the worker instead of copying (detached here).
   */
  async run<T, R>(task: T, transfer?: ArrayBuffer[]): Promise<R> {
    if (this.destroyed) throw new AppError('INTERNAL', 'the worker pool has been shut down');
    let outcome: TaskOutcome<R>;
    try {
      outcome = (await this.piscina.run(task, transfer ? { transferList: transfer } : undefined)) as TaskOutcome<R>;
    } catch (e) {
      if (isAppError(e)) throw e;
      const detail = errorMessage(e);
      throw new AppError('WORKER_DIED', `a worker thread died while computing (${detail})`, { cause: e });
    }
    if (!outcome.ok) throw fromErrorPayload(outcome.error);
    return outcome.value;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.piscina.destroy();
  }
}
