// A model's output head (sigmoid, softmax, …) from its graph alone, without an inference session:
// a run records it when it starts, so the app can tell which predictions pass the model's own
// decision threshold (a sigmoid output above 0.5) without opening the model again.
import { analyzeGraph } from '../model/analyze';
import { buildGraph } from '../onnx/graph';
import { readModelFile } from '../onnx/read-model';
import type { Head } from './types';

export async function modelHead(path: string): Promise<Head> {
  const { model } = await readModelFile(path);
  return analyzeGraph(buildGraph(model, path)).head;
}
