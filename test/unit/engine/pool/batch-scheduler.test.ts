import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-main/shared/errors';
import { BatchScheduler, tasksInFlight, type BatchJob } from '../../../../src-main/engine/pool/batch-scheduler';
import { EnginePool } from '../../../../src-main/engine/pool/engine-pool';
import type { ToyResult, ToyTask } from './workers/toy-worker';

const handlerUrl = new URL('./workers/toy-worker.ts', import.meta.url);
let pool: EnginePool;
beforeAll(() => {
  // Two workers even on a two-core machine: the toy tasks barely use CPU.
  pool = new EnginePool({ handlerUrl, threads: 2, cores: 2 });
});
afterAll(async () => {
  await pool.destroy();
});

function scheduler(maxInFlight = pool.workers): BatchScheduler<ToyTask, ToyResult> {
  return new BatchScheduler<ToyTask, ToyResult>((t) => pool.run<ToyTask, ToyResult>(t), maxInFlight);
}

/** A job of `count` batches; `make` customises each task; persisted ids are recorded in order. */
function toyJob(count: number, make: (id: number) => Partial<ToyTask> = () => ({}), extra: Partial<BatchJob<ToyTask, ToyResult>> = {}) {
  const persisted: number[] = [];
  const notices: string[] = [];
  let next = 0;
  const job: BatchJob<ToyTask, ToyResult> = {
    next: async () => (next < count ? { id: next, values: [next], ...make(next++) } : null),
    persist: (task, result) => {
      expect(result.squares[0]).toBe(task.id * task.id);
      persisted.push(result.id);
    },
    notice: (m) => notices.push(m),
    describe: (t) => `batch ${t.id}`,
    ...extra,
  };
  return { job, persisted, notices };
}

describe('BatchScheduler', () => {
  it('runs every batch exactly once and persists results one at a time', async () => {
    const { job, persisted } = toyJob(25);
    let persisting = 0;
    const persist = job.persist;
    job.persist = async (t, r) => {
      expect(persisting).toBe(0);
      persisting++;
      await Promise.resolve();
      persist(t, r);
      persisting--;
    };
    await scheduler().submit(job);
    expect([...persisted].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('has the next batch running on a single worker while a result is still being stored', async () => {
    // Storing a result (compression, SQLite) blocks the main thread. With a task waiting behind
    // the running one, the worker starts it as soon as it finishes instead of idling meanwhile.
    const single = new EnginePool({ handlerUrl, threads: 1, cores: 2 });
    try {
      const started = new Int32Array(new SharedArrayBuffer(4));
      const { job } = toyJob(4, () => ({ started }));
      const persist = job.persist;
      let startedWhileStoringFirst = -1;
      job.persist = (t, r) => {
        if (t.id === 0) {
          const until = Date.now() + 150;
          while (Date.now() < until) { /* a slow synchronous store */ }
          startedWhileStoringFirst = Atomics.load(started, 0);
        }
        persist(t, r);
      };
      await new BatchScheduler<ToyTask, ToyResult>((t) => single.run<ToyTask, ToyResult>(t), tasksInFlight(single.workers)).submit(job);
      expect(startedWhileStoringFirst).toBe(2);
    } finally {
      await single.destroy();
    }
  });

  it('lands a cancellation within one batch: no new batches start and the job rejects as CANCELLED', async () => {
    const controller = new AbortController();
    const started = new Int32Array(new SharedArrayBuffer(4));
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const { job, persisted } = toyJob(100, (id) => ({ started, cancelFlag, gate: id === 0 ? undefined : gate }), {
      signal: controller.signal,
      cancelFlag,
    });
    const persist = job.persist;
    job.persist = (t, r) => {
      persist(t, r);
      // The first batch is done while the next ones are blocked on the gate: cancel now.
      controller.abort();
    };
    await expect(scheduler().submit(job)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(persisted).toEqual([0]);
    // Batch 0 plus at most one batch per worker slot had started when the cancel landed.
    expect(Atomics.load(started, 0)).toBeLessThanOrEqual(1 + pool.workers);
    expect(Atomics.load(cancelFlag, 0)).toBe(1);
  });

  describe('a cancel while the last batches are in flight', () => {
    /** Two batches run by hand: `finish(i)` ends batch i as its worker would, `drop(i)` as a worker stopped by the cancel flag. */
    function twoBatches() {
      const controller = new AbortController();
      const persisted: number[] = [];
      const settle = new Map<number, { resolve: (r: ToyResult) => void; reject: (e: unknown) => void }>();
      let next = 0;
      const job: BatchJob<ToyTask, ToyResult> = {
        next: async () => (next < 2 ? { id: next, values: [next++] } : null),
        persist: (t) => void persisted.push(t.id),
        signal: controller.signal,
      };
      const s = new BatchScheduler<ToyTask, ToyResult>((t) => new Promise((resolve, reject) => settle.set(t.id, { resolve, reject })), 2);
      const submitted = s.submit(job);
      const tick = () => new Promise((r) => setTimeout(r, 0));
      return {
        submitted, persisted, cancel: () => controller.abort(), tick,
        finish: (i: number) => settle.get(i)!.resolve({ id: i, squares: Float32Array.of(i * i) }),
        drop: (i: number) => settle.get(i)!.reject(new AppError('CANCELLED', 'cancelled')),
      };
    }

    it('completes the job when every batch was persisted anyway (the cancel stopped nothing)', async () => {
      const b = twoBatches();
      await b.tick();
      b.finish(0);
      b.cancel();
      b.finish(1);
      await expect(b.submitted).resolves.toBeUndefined();
      expect(b.persisted).toEqual([0, 1]);
    });

    it('rejects as CANCELLED when the cancel flag stopped a batch before it was stored', async () => {
      const b = twoBatches();
      await b.tick();
      b.finish(0);
      b.cancel();
      b.drop(1);
      await expect(b.submitted).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(b.persisted).toEqual([0]);
    });
  });

  it('shares the workers round-robin between two concurrent runs', async () => {
    const order: string[] = [];
    const a = toyJob(8);
    const b = toyJob(8);
    a.job.persist = (t) => void order.push(`a${t.id}`);
    b.job.persist = (t) => void order.push(`b${t.id}`);
    const s = scheduler(1);
    await Promise.all([s.submit(a.job), s.submit(b.job)]);
    // One task in flight at a time, so completion order is dispatch order: strictly alternating.
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'b4', 'a5', 'b5', 'a6', 'b6', 'a7', 'b7']);
  });

  it('fails the run with the failing batch named and the worker error code kept', async () => {
    const { job, persisted } = toyJob(30, (id) => ({ fail: id === 3 }));
    await expect(scheduler().submit(job)).rejects.toMatchObject({
      code: 'BAD_MODEL',
      message: 'batch 3: toy task 3 failed on purpose',
    });
    expect(persisted).not.toContain(3);
    expect(persisted.length).toBeLessThan(30);
  });

  it('retries a batch whose worker died on the replacement worker and reports it', async () => {
    const dieCounter = new Int32Array(new SharedArrayBuffer(4));
    const { job, persisted, notices } = toyJob(6, (id) => (id === 2 ? { dieCounter, dieTimes: 1 } : {}));
    await scheduler().submit(job);
    expect([...persisted].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^batch 2: a worker thread died .*replaced/);
  });

  it('fails with WORKER_DIED when the same batch kills its worker twice', async () => {
    const dieCounter = new Int32Array(new SharedArrayBuffer(4));
    const { job } = toyJob(4, (id) => (id === 1 ? { dieCounter, dieTimes: 5 } : {}));
    await expect(scheduler().submit(job)).rejects.toMatchObject({ code: 'WORKER_DIED', message: expect.stringMatching(/^batch 1: /) });
  });

  it('fails the run when reading the next batch fails (e.g. a bad FASTA record)', async () => {
    let n = 0;
    const job: BatchJob<ToyTask, ToyResult> = {
      next: async () => {
        if (n === 2) throw new AppError('BAD_FASTA', 'x.fa line 9: not a nucleotide');
        return { id: n, values: [n++] };
      },
      persist: () => undefined,
    };
    await expect(scheduler().submit(job)).rejects.toMatchObject({ code: 'BAD_FASTA' });
  });
});
