// Timing helpers: wall and process CPU time of an async block. CPU time (all threads, ORT's
// included) is recorded too because on a shared, loaded machine it is less noisy than wall time.
export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

export function addTiming(a: Timing, b: Timing): Timing {
  return { wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs };
}

export const ZERO_TIMING: Timing = { wallMs: 0, cpuMs: 0 };

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Samples resident memory while a block runs; returns the peak (bytes). */
export function rssSampler(intervalMs = 25): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/**
 * Runs `steps` (e.g. predict then explain) on every batch, `reps` times, interleaved, and keeps per
 * batch and step the fastest repeat: on a machine shared with other work, the least disturbed
 * measurement. Returns one summed Timing per step.
 */
export async function bestOfInterleaved(batches: number, reps: number, steps: ((batch: number) => Promise<unknown>)[]): Promise<Timing[]> {
  const best = steps.map(() => Array.from({ length: batches }, () => ({ wallMs: Infinity, cpuMs: Infinity })));
  for (let r = 0; r < reps; r++) {
    for (let b = 0; b < batches; b++) {
      for (let s = 0; s < steps.length; s++) {
        const t = await timed(() => steps[s](b));
        if (t.wallMs < best[s][b].wallMs) best[s][b] = t;
      }
    }
  }
  return best.map((perBatch) => perBatch.reduce(addTiming, ZERO_TIMING));
}
