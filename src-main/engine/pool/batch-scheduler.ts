// Feeds batches of several runs ("jobs") to the worker pool. Keeps at most `maxInFlight` tasks in
// the pool and takes the next one round-robin across jobs, so two concurrent runs share the
// workers fairly instead of the second waiting behind the whole first (piscina's queue is FIFO).
// Each job pulls its batches lazily (memory stays flat on large FASTA files) and persists results
// one batch at a time, in completion order. Cancelling or failing a job stops new batches at once
// and raises its shared cancel flag, so work in flight stops within one batch.
import { AppError, isAppError, errorMessage } from '../../shared/errors';

export interface BatchJob<T, R> {
  /** The next batch, or null when there are no more. */
  next(): Promise<T | null>;
  /** Stores one batch's result; calls are serialised per job. */
  persist(task: T, result: R): void | Promise<void>;
  signal?: AbortSignal;
  /** Shared with the job's tasks: set to 1 when the job is cancelled or failed. */
  cancelFlag?: Int32Array;
  /** Non-fatal events, e.g. a worker that died and was replaced. */
  notice?(message: string): void;
  /** Names a batch in error messages, e.g. "sequences 65–128". */
  describe?(task: T): string;
}

interface JobState<T, R> {
  job: BatchJob<T, R>;
  ready: T | null;
  fetching: boolean;
  exhausted: boolean;
  inFlight: number;
  chain: Promise<void>;
  cancelled: boolean;
  /** A task was stopped by the cancel flag, so its batch was not persisted. */
  dropped: boolean;
  failure: AppError | null;
  settling: boolean;
  resolve: () => void;
  reject: (e: AppError) => void;
}

/**
 * Tasks to keep in the pool: one per worker plus one waiting, so a worker that finishes starts
 * its next batch at once instead of idling while the main thread stores the last result and reads
 * the next sequences (measured: a quarter of the worker's time on a 10,000-sequence run).
 */
export function tasksInFlight(workers: number): number {
  return workers + 1;
}

/** A task whose worker died is retried once on the replacement worker before the job fails. */
const MAX_WORKER_DEATHS_PER_BATCH = 1;

export class BatchScheduler<T, R> {
  private readonly jobs: JobState<T, R>[] = [];
  private cursor = 0;
  private inFlight = 0;

  constructor(
    private readonly runTask: (task: T) => Promise<R>,
    private readonly maxInFlight: number,
  ) {}

  /** Resolves when every batch is persisted; rejects with AppError('CANCELLED') or the failure. */
  submit(job: BatchJob<T, R>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const s: JobState<T, R> = {
        job, ready: null, fetching: false, exhausted: false, inFlight: 0, chain: Promise.resolve(),
        cancelled: false, dropped: false, failure: null, settling: false, resolve, reject,
      };
      this.jobs.push(s);
      const onAbort = (): void => {
        s.cancelled = true;
        this.raiseFlag(s);
        this.maybeSettle(s);
      };
      if (job.signal?.aborted) onAbort();
      else job.signal?.addEventListener('abort', onAbort, { once: true });
      this.fetch(s);
      this.maybeSettle(s);
    });
  }

  private stopped(s: JobState<T, R>): boolean {
    return s.cancelled || s.failure !== null;
  }

  private raiseFlag(s: JobState<T, R>): void {
    if (s.job.cancelFlag) Atomics.store(s.job.cancelFlag, 0, 1);
  }

  private fetch(s: JobState<T, R>): void {
    if (s.fetching || s.exhausted || s.ready !== null || this.stopped(s)) return;
    s.fetching = true;
    s.job.next().then(
      (task) => {
        s.fetching = false;
        if (task === null) s.exhausted = true;
        else s.ready = task;
        this.pump();
        this.maybeSettle(s);
      },
      (e: unknown) => {
        s.fetching = false;
        s.exhausted = true;
        this.fail(s, e);
      },
    );
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight) {
      const s = this.pickNext();
      if (!s) return;
      const task = s.ready as T;
      s.ready = null;
      this.dispatch(s, task, 0);
      this.fetch(s);
    }
  }

  private pickNext(): JobState<T, R> | undefined {
    const n = this.jobs.length;
    for (let k = 0; k < n; k++) {
      const i = (this.cursor + k) % n;
      const s = this.jobs[i];
      if (s.ready !== null && !this.stopped(s)) {
        this.cursor = (i + 1) % n;
        return s;
      }
    }
    return undefined;
  }

  private dispatch(s: JobState<T, R>, task: T, deaths: number): void {
    this.inFlight++;
    s.inFlight++;
    this.runTask(task)
      .then(
        (result) => {
          s.chain = s.chain.then(() => s.job.persist(task, result)).catch((e: unknown) => this.fail(s, e));
        },
        (e: unknown) => {
          if (isAppError(e) && e.code === 'WORKER_DIED' && deaths < MAX_WORKER_DEATHS_PER_BATCH && !this.stopped(s)) {
            s.job.notice?.(`${s.job.describe?.(task) ?? 'a batch'}: ${e.message}; the worker was replaced and the batch is being retried`);
            this.dispatch(s, task, deaths + 1);
            return;
          }
          if (isAppError(e) && e.code === 'CANCELLED' && this.stopped(s)) {
            s.dropped = true;
            return;
          }
          this.fail(s, e, task);
        },
      )
      .finally(() => {
        this.inFlight--;
        s.inFlight--;
        this.maybeSettle(s);
        this.pump();
      });
  }

  private fail(s: JobState<T, R>, e: unknown, task?: T): void {
    if (s.failure === null) {
      const where = task !== undefined && s.job.describe ? `${s.job.describe(task)}: ` : '';
      s.failure = isAppError(e)
        ? new AppError(e.code, `${where}${e.message}`, { cause: e })
        : new AppError('INTERNAL', `${where}${errorMessage(e)}`, { cause: e });
      this.raiseFlag(s);
    }
    this.maybeSettle(s);
  }

  /** Every batch was handed out and persisted (called once nothing is in flight). */
  private completed(s: JobState<T, R>): boolean {
    return s.exhausted && s.ready === null && !s.dropped;
  }

  private maybeSettle(s: JobState<T, R>): void {
    if (s.settling || s.inFlight > 0 || s.fetching) return;
    if (!this.stopped(s) && !(s.exhausted && s.ready === null)) return;
    s.settling = true;
    void s.chain.then(() => {
      const i = this.jobs.indexOf(s);
      if (i >= 0) this.jobs.splice(i, 1);
      if (i >= 0 && i < this.cursor) this.cursor--;
      if (s.failure) s.reject(s.failure);
      // A cancel that came when every batch had been handed out, and all of them finished and
      // were persisted anyway, stopped nothing: the job is complete, not cancelled.
      else if (s.cancelled && !this.completed(s)) s.reject(new AppError('CANCELLED', 'the run was cancelled'));
      else s.resolve();
    });
  }
}
