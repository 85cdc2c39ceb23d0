// Pool sizing (architecture.md, "piscina / onnxruntime-node"): ORT's intra-op thread pool already
// uses several cores per session, so piscina's default (one worker per core) would oversubscribe.
// Workers × intra-op threads must stay within the cores; one core is left to the main process,
// which parses FASTA and writes SQLite while the workers compute.
import { availableParallelism } from 'node:os';
import { AppError } from '../../shared/errors';

export interface PoolSizing {
  workers: number;
  intraOpThreads: number;
}

export function poolSizing(options: { threads?: number; intraOpThreads?: number; cores?: number } = {}): PoolSizing {
  const cores = options.cores ?? availableParallelism();
  const intraOpThreads = options.intraOpThreads ?? 1;
  if (!Number.isInteger(intraOpThreads) || intraOpThreads < 1) {
    throw new AppError('USAGE', `intra-op threads must be a positive integer, got ${intraOpThreads}`);
  }
  if (options.threads !== undefined) {
    const threads = options.threads;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new AppError('USAGE', `--threads must be a positive integer, got ${threads}`);
    }
    if (threads * intraOpThreads > cores) {
      throw new AppError(
        'USAGE',
        `--threads ${threads} × ${intraOpThreads} intra-op threads exceeds the ${cores} cores of this machine`,
      );
    }
    return { workers: threads, intraOpThreads };
  }
  return { workers: Math.max(1, Math.floor((cores - 1) / intraOpThreads)), intraOpThreads };
}
