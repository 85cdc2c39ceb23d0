// onnxruntime-node sessions: one place that sets threads and options, and turns ORT's errors into
// messages naming the model file.
import * as ort from 'onnxruntime-node';
import { AppError, errorMessage } from '../../shared/errors';

export { ort };

export interface SessionOptions {
  intraOpThreads?: number;
}

/**
 * Threading options of every session. Spinning is off: a process holds several sessions (predict,
 * one per relevance pass), each with its own intra-op pool, and after a run that pool's threads
 * busy-wait for more work while the next session runs, taking the cores it needs. Measured on
 * 2 cores, predict then explain, batch by batch: with spinning, deep-multitask's PLRP-λ took
 * 375 ms and its forward 54 ms per 1,024 sequences; without, 203 and 31.
 */
export function sessionThreading(intraOpThreads: number): ort.InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: intraOpThreads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

export async function createSession(bytes: Uint8Array, where: string, options: SessionOptions = {}): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(bytes, {
      // Explicit threads: the worker pool sizes itself so that workers × intra-op ≤ cores.
      ...sessionThreading(options.intraOpThreads ?? 1),
      graphOptimizationLevel: 'all',
    });
  } catch (e) {
    throw new AppError('BAD_MODEL', `${where}: ONNX Runtime cannot load the model: ${errorMessage(e)}`);
  }
}

export function floatTensor(data: Float32Array, dims: number[]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}
