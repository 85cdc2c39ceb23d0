// onnxruntime-node sessions: one place that sets threads and options, and turns ORT's errors into
// messages naming the model file.
import * as ort from 'onnxruntime-node';
import { AppError } from '../../shared/errors';

export { ort };

export interface SessionOptions {
  intraOpThreads?: number;
}

export async function createSession(bytes: Uint8Array, where: string, options: SessionOptions = {}): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(bytes, {
      // Explicit threads: the worker pool sizes itself so that workers × intra-op ≤ cores.
      intraOpNumThreads: options.intraOpThreads ?? 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (e) {
    throw new AppError('BAD_MODEL', `${where}: ONNX Runtime cannot load the model: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function floatTensor(data: Float32Array, dims: number[]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}
