// Small helpers to create ONNX NodeProto/TensorProto/ValueInfoProto objects for generated graphs.
import { onnx, DataType, AttributeType, type INodeProto, type ITensorProto } from '../../onnx/proto';

export type AttrSpec = Record<string, number | number[] | string | { float: number }>;

export function makeNode(opType: string, inputs: string[], outputs: string[], name: string, attrs: AttrSpec = {}): INodeProto {
  const attribute = Object.entries(attrs).map(([key, v]) => {
    if (typeof v === 'string') return onnx.AttributeProto.create({ name: key, type: AttributeType.STRING, s: new TextEncoder().encode(v) });
    if (Array.isArray(v)) return onnx.AttributeProto.create({ name: key, type: AttributeType.INTS, ints: v });
    if (typeof v === 'object') return onnx.AttributeProto.create({ name: key, type: AttributeType.FLOAT, f: v.float });
    return onnx.AttributeProto.create({ name: key, type: AttributeType.INT, i: v });
  });
  return onnx.NodeProto.create({ opType, input: inputs, output: outputs, name, attribute });
}

export function floatInitializer(name: string, dims: number[], data: Float32Array): ITensorProto {
  return onnx.TensorProto.create({ name, dims, dataType: DataType.FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
}

export function doubleInitializer(name: string, dims: number[], data: Float64Array): ITensorProto {
  return onnx.TensorProto.create({ name, dims, dataType: DataType.DOUBLE, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
}

export function int64Initializer(name: string, dims: number[], values: number[]): ITensorProto {
  const raw = new BigInt64Array(values.map((v) => BigInt(v)));
  return onnx.TensorProto.create({ name, dims, dataType: DataType.INT64, rawData: new Uint8Array(raw.buffer) });
}

/**
 * The initializers some node reads or the graph outputs. ORT warns about every unused one, and
 * generated graphs drop nodes (and rewrites replace weights) whose constants would linger.
 */
export function referencedInitializers(initializers: ITensorProto[], nodes: INodeProto[], outputs: string[]): ITensorProto[] {
  const used = new Set([...nodes.flatMap((n) => n.input ?? []), ...outputs]);
  return initializers.filter((t) => used.has(t.name ?? ''));
}

/** A value info with a symbolic batch dimension 'N' followed by static dims. */
const ELEM_TYPE = { float32: DataType.FLOAT, int32: DataType.INT32, int64: DataType.INT64, double: DataType.DOUBLE, bool: DataType.BOOL } as const;

export function valueInfo(name: string, dtype: keyof typeof ELEM_TYPE, dims: number[] | null) {
  const elemType = ELEM_TYPE[dtype];
  const shape = dims ? { dim: dims.map((d, i) => (i === 0 || d < 0 ? { dimParam: 'N' } : { dimValue: d })) } : undefined;
  return onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape } } });
}
