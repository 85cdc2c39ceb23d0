// Reading an .onnx file: size and structure limits are checked before anything else, so a hostile
// or broken file fails with a message instead of exhausting memory.
import { readFile, stat } from 'node:fs/promises';
import { AppError, errorMessage } from '../../shared/errors';
import { onnx, type IModelProto } from './proto';
import { checkModelLimits } from './limits';

/** Genome CNNs are megabytes; a gigabyte-class file is refused rather than decoded. */
export const MAX_MODEL_BYTES = 1 << 30;
export const MAX_NODES = 20_000;

export async function readModelFile(path: string): Promise<{ bytes: Uint8Array; model: IModelProto }> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new AppError('FILE_NOT_FOUND', `${path}: model file not found`);
  }
  if (size > MAX_MODEL_BYTES) throw new AppError('RESOURCE_LIMIT', `${path}: model file is ${size} bytes, over the ${MAX_MODEL_BYTES}-byte limit`);
  const bytes = new Uint8Array(await readFile(path));
  return { bytes, model: decodeModel(bytes, path) };
}

export function decodeModel(bytes: Uint8Array, path: string): IModelProto {
  let model: IModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new AppError('BAD_MODEL', `${path}: not a readable ONNX model (${errorMessage(e)})`);
  }
  if (!model.graph || (model.graph.node ?? []).length === 0) {
    throw new AppError('BAD_MODEL', `${path}: not an ONNX model (no graph nodes found)`);
  }
  if ((model.graph.node ?? []).length > MAX_NODES) {
    throw new AppError('RESOURCE_LIMIT', `${path}: graph has ${(model.graph.node ?? []).length} nodes, over the limit of ${MAX_NODES}`);
  }
  checkModelLimits(model, path);
  return model;
}
