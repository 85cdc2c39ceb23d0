import { afterEach, describe, expect, it } from 'vitest';
import { EnginePool } from '../../../../src-main/engine/pool/engine-pool';
import type { ToyResult, ToyTask } from './workers/toy-worker';

const handlerUrl = new URL('./workers/toy-worker.ts', import.meta.url);
let pool: EnginePool | undefined;
afterEach(async () => {
  await pool?.destroy();
  pool = undefined;
});

describe('EnginePool', () => {
  it('runs TypeScript task modules in worker threads and returns typed arrays', async () => {
    pool = new EnginePool({ handlerUrl, threads: 1, cores: 2 });
    const r = await pool.run<ToyTask, ToyResult>({ id: 1, values: [1, 2, 3] });
    expect(r.id).toBe(1);
    expect(r.squares).toBeInstanceOf(Float32Array);
    expect([...r.squares]).toEqual([1, 4, 9]);
  });

  it('turns a task failure into an AppError with the code the worker raised', async () => {
    pool = new EnginePool({ handlerUrl, threads: 1, cores: 2 });
    await expect(pool.run({ id: 2, values: [], fail: true })).rejects.toMatchObject({
      code: 'BAD_MODEL',
      message: 'toy task 2 failed on purpose',
    });
  });

  it('reports a dying worker as WORKER_DIED and keeps serving tasks on a replacement', async () => {
    pool = new EnginePool({ handlerUrl, threads: 1, cores: 2 });
    const dieCounter = new Int32Array(new SharedArrayBuffer(4));
    await expect(pool.run({ id: 3, values: [1], dieCounter, dieTimes: 1 })).rejects.toMatchObject({ code: 'WORKER_DIED' });
    const r = await pool.run<ToyTask, ToyResult>({ id: 4, values: [5] });
    expect([...r.squares]).toEqual([25]);
  });
});
