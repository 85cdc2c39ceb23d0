import { describe, expect, it } from 'vitest';
import { poolSizing } from '../../../../src-main/engine/pool/pool-size';

describe('poolSizing', () => {
  it('leaves one core to the main process and divides the rest by the intra-op threads', () => {
    expect(poolSizing({ cores: 8, intraOpThreads: 1 })).toEqual({ workers: 7, intraOpThreads: 1 });
    expect(poolSizing({ cores: 8, intraOpThreads: 2 })).toEqual({ workers: 3, intraOpThreads: 2 });
    expect(poolSizing({ cores: 16, intraOpThreads: 4 })).toEqual({ workers: 3, intraOpThreads: 4 });
  });

  it('always has at least one worker, even on one core', () => {
    expect(poolSizing({ cores: 1 }).workers).toBe(1);
    expect(poolSizing({ cores: 2, intraOpThreads: 2 }).workers).toBe(1);
  });

  it('honours --threads when threads × intra-op fits the cores', () => {
    expect(poolSizing({ cores: 4, threads: 2, intraOpThreads: 2 })).toEqual({ workers: 2, intraOpThreads: 2 });
  });

  it('refuses --threads that would oversubscribe the cores, naming the numbers', () => {
    expect(() => poolSizing({ cores: 2, threads: 2, intraOpThreads: 2 })).toThrow(/--threads 2 × 2 .* 2 cores/);
    expect(() => poolSizing({ cores: 2, threads: 0 })).toThrow(/positive integer/);
  });
});
