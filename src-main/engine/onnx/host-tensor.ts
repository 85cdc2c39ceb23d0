// Host tensors: weights and constants read from the ONNX file, as typed arrays with their dims.
import { AppError } from '../../shared/errors';
import { DataType, toNumber, type ITensorProto } from './proto';
import { MAX_TENSOR_ELEMENTS } from './limits';

export interface HostTensor {
  dims: number[];
  /** float tensors as Float32Array; integer tensors (shapes, axes, indices) as Float64Array. */
  data: Float32Array | Float64Array;
  dtype: 'float32' | 'int64';
}

export function numel(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** Decode a TensorProto (raw_data or typed fields). `where` names the file/node for errors. */
export function tensorFromProto(t: ITensorProto, where: string): HostTensor {
  const dims = (t.dims ?? []).map(toNumber);
  // Checked before any allocation: a negative or absurd dimension must not reach new Float32Array(n).
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new AppError('BAD_MODEL', `${where}: tensor '${t.name ?? ''}' has invalid dims [${dims.join(', ')}]`);
  }
  const n = numel(dims);
  if (n > MAX_TENSOR_ELEMENTS) {
    throw new AppError('RESOURCE_LIMIT', `${where}: tensor '${t.name ?? ''}' dims [${dims.join(', ')}] make ${n} elements, over the limit of ${MAX_TENSOR_ELEMENTS}`);
  }
  if (t.dataLocation === 1 || (t.externalData && t.externalData.length > 0)) {
    throw new AppError('BAD_MODEL', `${where}: tensor '${t.name ?? ''}' uses external data, which is not supported; save the model with all weights inside the .onnx file`);
  }
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : null;
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : null;
  const expectBytes = (size: number) => {
    if (raw && raw.byteLength !== n * size) {
      throw new AppError('BAD_MODEL', `${where}: tensor '${t.name ?? ''}' holds ${raw.byteLength} bytes but its dims [${dims.join(', ')}] need ${n * size}`);
    }
    if (!raw) {
      const held = (t.floatData?.length ?? 0) + (t.doubleData?.length ?? 0) + (t.int32Data?.length ?? 0) + (t.int64Data?.length ?? 0);
      if (held !== n) throw new AppError('BAD_MODEL', `${where}: tensor '${t.name ?? ''}' holds ${held} values but its dims [${dims.join(', ')}] need ${n}`);
    }
  };
  switch (t.dataType) {
    case DataType.FLOAT: {
      expectBytes(4);
      const out = new Float32Array(n);
      if (view) for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
      else copyChecked(out, t.floatData ?? [], n, t, where);
      return { dims, data: out, dtype: 'float32' };
    }
    case DataType.DOUBLE: {
      expectBytes(8);
      const out = new Float32Array(n);
      if (view) for (let i = 0; i < n; i++) out[i] = view.getFloat64(i * 8, true);
      else copyChecked(out, t.doubleData ?? [], n, t, where);
      return { dims, data: out, dtype: 'float32' };
    }
    case DataType.INT64: {
      expectBytes(8);
      const out = new Float64Array(n);
      if (view) for (let i = 0; i < n; i++) out[i] = Number(view.getBigInt64(i * 8, true));
      else copyChecked(out, (t.int64Data ?? []).map(toNumber), n, t, where);
      return { dims, data: out, dtype: 'int64' };
    }
    case DataType.INT32: {
      expectBytes(4);
      const out = new Float64Array(n);
      if (view) for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 4, true);
      else copyChecked(out, t.int32Data ?? [], n, t, where);
      return { dims, data: out, dtype: 'int64' };
    }
    default:
      throw new AppError('BAD_MODEL', `${where}: tensor '${t.name ?? ''}' has data type ${t.dataType}, which the engine does not read (float, double, int32, int64 only)`);
  }
}

function copyChecked(out: Float32Array | Float64Array, src: ArrayLike<number>, n: number, t: ITensorProto, where: string): void {
  if (src.length !== n) {
    throw new AppError('BAD_MODEL', `${where}: tensor '${t.name ?? ''}' holds ${src.length} values but its dims need ${n}`);
  }
  for (let i = 0; i < n; i++) out[i] = src[i];
}

export function hostFloat(dims: number[], data: Float32Array): HostTensor {
  return { dims, data, dtype: 'float32' };
}
