// A model's output head (sigmoid, softmax, …) from its graph alone, without an inference session:
// a run records it when it starts, so the app can tell which predictions pass the model's own
// decision threshold (a sigmoid output above 0.5) without opening the model again.
import { analyzeGraph } from '../model/analyze';
import { buildGraph } from '../onnx/graph';
import { readModelFile } from '../onnx/read-model';
import type { Head } from './types';

/**
 * The head and the input length (bp; 0 for a model of any length), recorded together when a run
 * starts: a run served whole from the cache never opens the model, yet the app needs the length
 * to tell which records were tiled into windows.
 */
export async function modelHeadAndLength(path: string): Promise<{ head: Head; lengthBp: number }> {
  const { model } = await readModelFile(path);
  const analyzed = analyzeGraph(buildGraph(model, path));
  return { head: analyzed.head, lengthBp: Math.max(0, analyzed.lengthBp) };
}
