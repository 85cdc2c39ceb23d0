// The native PLRP kernels (native/ort-kernels): ONNX Runtime sessions that know the custom
// operators PlrpKeep, PlrpLambda and PlrpStats, which replace the few dozen element-wise ONNX nodes
// of each pruning point (src-main/engine/lrp/onnx/onnx-pruning.ts) with one pass in C++, and
// PlrpMaxRoute, which routes relevance through a MaxPool without the indices whose MaxPool variant
// has no fast kernel. The addon loads the same ONNX Runtime library onnxruntime-node ships. It is
// optional: when it was not built (no C++ compiler at install), cannot load, or
// PLRP_NATIVE_KERNELS=0, relevance passes run as plain ONNX nodes, with the same results, slower.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { AppError, errorMessage } from '../../shared/errors';
import { nativeAddonPath } from '../native-addon-path';
import { ort } from './ort';

interface Addon {
  load(libraryPath: string): string;
  createSession(bytes: Uint8Array, intraOpThreads: number): Promise<object>;
  run(session: object, inputNames: string[], inputs: ArrayBufferView[], inputDims: number[][], outputNames: string[]): Promise<{ data: ort.Tensor['data']; dims: number[] }[]>;
  release(session: object): void;
}

/** Whether the kernels are in use, and why not when they are not (for messages and the bench). */
export interface NativeKernelsStatus {
  available: boolean;
  detail: string;
}

const require = createRequire(import.meta.url);
let addon: Addon | null | undefined;
let status: NativeKernelsStatus = { available: false, detail: 'not loaded yet' };

/** The file name onnxruntime-node's binding links against, per platform. */
const LINKED_LIBRARY: Partial<Record<NodeJS.Platform, string>> = { linux: 'libonnxruntime.so.1', darwin: 'libonnxruntime.1.dylib', win32: 'onnxruntime.dll' };

/**
 * The ONNX Runtime shared library beside onnxruntime-node's binding (outside app.asar in a
 * packaged app): the very file the binding links, or the process would hold two runtimes (macOS
 * ships the library twice, as libonnxruntime.1.30.0.dylib and libonnxruntime.1.dylib).
 */
function onnxRuntimeLibrary(): string {
  const packageDir = dirname(dirname(require.resolve('onnxruntime-node')));
  const dir = join(packageDir, 'bin', 'napi-v6', process.platform, process.arch).replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  const files = readdirSync(dir);
  const linked = LINKED_LIBRARY[process.platform];
  const library = linked && files.includes(linked)
    ? linked
    : files.filter((f) => /^(lib)?onnxruntime(\.\d+)*\.(so|dylib|dll)(\.\d+)*$/.test(f)).sort((a, b) => a.length - b.length)[0];
  if (!library) throw new Error(`no ONNX Runtime library in ${dir}`);
  return join(dir, library);
}

function loadAddon(): Addon | null {
  if (addon !== undefined) return addon;
  addon = null;
  if (process.env.PLRP_NATIVE_KERNELS === '0') {
    status = { available: false, detail: 'turned off by PLRP_NATIVE_KERNELS=0' };
    return null;
  }
  const path = nativeAddonPath();
  if (!existsSync(path)) {
    status = { available: false, detail: `not built (${path} is missing; npm install builds it when a C++ compiler is present)` };
    return null;
  }
  try {
    const loaded = require(path) as Addon;
    const version = loaded.load(onnxRuntimeLibrary());
    status = { available: true, detail: `native PLRP kernels on ONNX Runtime ${version}` };
    addon = loaded;
  } catch (e) {
    status = { available: false, detail: `cannot load ${path}: ${errorMessage(e)}` };
  }
  return addon;
}

export function nativeKernelsStatus(): NativeKernelsStatus {
  loadAddon();
  return status;
}

export function nativeKernelsAvailable(): boolean {
  return loadAddon() !== null;
}

/** Stops using the kernels in this process (they failed where the plain ONNX path works). */
export function disableNativeKernels(reason: string): void {
  if (!addon) return;
  addon = null;
  status = { available: false, detail: `turned off: ${reason}` };
  process.emitWarning(`PLRP Studio: native PLRP kernels ${status.detail}; relevance passes continue as plain ONNX nodes`);
}

/** The subset of onnxruntime-node's InferenceSession that the relevance passes use. */
export interface PassSession {
  run(feeds: Record<string, ort.Tensor>, outputs: string[]): Promise<Record<string, ort.Tensor>>;
  release(): Promise<void>;
}

const TENSOR_TYPES = new Map<unknown, ort.Tensor.Type>([
  [Float32Array, 'float32'], [Float64Array, 'float64'], [BigInt64Array, 'int64'], [Int32Array, 'int32'], [Uint8Array, 'bool'],
]);

class NativeSession implements PassSession {
  constructor(private readonly kernels: Addon, private readonly handle: object) {}

  async run(feeds: Record<string, ort.Tensor>, outputs: string[]): Promise<Record<string, ort.Tensor>> {
    const names = Object.keys(feeds);
    const results = await this.kernels.run(this.handle, names, names.map((n) => feeds[n].data as ArrayBufferView), names.map((n) => feeds[n].dims.map(Number)), outputs);
    const out: Record<string, ort.Tensor> = {};
    results.forEach((r, i) => (out[outputs[i]] = new ort.Tensor(TENSOR_TYPES.get(r.data.constructor)!, r.data, r.dims)));
    return out;
  }

  async release(): Promise<void> {
    this.kernels.release(this.handle);
  }
}

/** A session on the native kernels' ONNX Runtime; `where` names the model in error messages. */
export async function createNativeSession(bytes: Uint8Array, where: string, intraOpThreads: number): Promise<PassSession> {
  const kernels = loadAddon();
  if (!kernels) throw new AppError('INTERNAL', `native PLRP kernels unavailable: ${status.detail}`);
  try {
    return new NativeSession(kernels, await kernels.createSession(bytes, intraOpThreads));
  } catch (e) {
    throw new AppError('BAD_MODEL', `${where}: ONNX Runtime cannot load the model: ${errorMessage(e)}`);
  }
}
