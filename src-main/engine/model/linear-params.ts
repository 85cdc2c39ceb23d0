// Parametric layers (Conv, Gemm, MatMul(+Add)) reduced to one form the rules work on:
// a weight, a bias and, for convolutions, the geometry. BatchNormalization that directly follows
// such a layer is folded in here (zennit's canonisation), before any rule runs.
import { AppError } from '../../shared/errors';
import { attrFloat, attrInt, attrInts } from '../onnx/attributes';
import type { GraphNode, OnnxGraph } from '../onnx/graph';
import type { HostTensor } from '../onnx/host-tensor';

export interface ConvGeometry {
  strides: number;
  dilations: number;
  /** [begin, end] zero padding along the length axis. */
  pads: [number, number];
  group: number;
  kernel: number;
}

export interface LinearParams {
  layer: 'conv' | 'dense';
  /** conv: [C_out, C_in / group, k]; dense: [in, out] (the right operand of MatMul). */
  weight: HostTensor;
  /** [C_out] or [out]; null when the layer has no bias. */
  bias: Float32Array | null;
  conv?: ConvGeometry;
}

export function convParams(graph: OnnxGraph, node: GraphNode): LinearParams {
  const where = `${graph.file}: node '${node.name}' (Conv)`;
  const w = constantInput(graph, node, 1, where, 'weight');
  if (w.dims.length !== 3) {
    throw new AppError('UNSUPPORTED_OP', `${where}: only 1-D convolutions (weight of rank 3) are supported; this weight has shape [${w.dims.join(', ')}]`);
  }
  const bias = node.inputs[2] ? (constantInput(graph, node, 2, where, 'bias').data as Float32Array) : null;
  const autoPad = node.attrs.auto_pad;
  if (typeof autoPad === 'string' && autoPad !== 'NOTSET' && autoPad !== 'VALID') {
    throw new AppError('UNSUPPORTED_OP', `${where}: auto_pad=${autoPad} is not supported; export with explicit pads`);
  }
  const pads = attrInts(node.attrs, 'pads', [0, 0])!;
  return {
    layer: 'conv',
    weight: w,
    bias,
    conv: {
      strides: (attrInts(node.attrs, 'strides', [1]) ?? [1])[0],
      dilations: (attrInts(node.attrs, 'dilations', [1]) ?? [1])[0],
      pads: [pads[0] ?? 0, pads[1] ?? 0],
      group: attrInt(node.attrs, 'group', 1),
      kernel: w.dims[2],
    },
  };
}

export function gemmParams(graph: OnnxGraph, node: GraphNode): LinearParams {
  const where = `${graph.file}: node '${node.name}' (Gemm)`;
  if (attrInt(node.attrs, 'transA', 0) !== 0) throw new AppError('UNSUPPORTED_OP', `${where}: transA=1 is not supported`);
  const b = constantInput(graph, node, 1, where, 'weight B');
  const alpha = attrFloat(node.attrs, 'alpha', 1);
  const beta = attrFloat(node.attrs, 'beta', 1);
  const transB = attrInt(node.attrs, 'transB', 0) !== 0;
  const [rows, cols] = b.dims;
  const inF = transB ? cols : rows;
  const outF = transB ? rows : cols;
  const weight = new Float32Array(inF * outF);
  for (let i = 0; i < inF; i++) {
    for (let o = 0; o < outF; o++) weight[i * outF + o] = alpha * (transB ? b.data[o * cols + i] : b.data[i * cols + o]);
  }
  let bias: Float32Array | null = null;
  if (node.inputs[2]) {
    const c = constantInput(graph, node, 2, where, 'bias C');
    bias = new Float32Array(outF);
    for (let o = 0; o < outF; o++) bias[o] = beta * c.data[c.data.length === 1 ? 0 : o];
  }
  return { layer: 'dense', weight: { dims: [inF, outF], data: weight, dtype: 'float32' }, bias };
}

export function matMulParams(graph: OnnxGraph, node: GraphNode): LinearParams {
  const where = `${graph.file}: node '${node.name}' (MatMul)`;
  const w = constantInput(graph, node, 1, where, 'weight');
  if (w.dims.length !== 2) throw new AppError('UNSUPPORTED_OP', `${where}: MatMul needs a constant 2-D right operand; it has shape [${w.dims.join(', ')}]`);
  return { layer: 'dense', weight: { ...w, data: Float32Array.from(w.data) }, bias: null };
}

/** An Add of a constant vector after a MatMul/Conv/Gemm becomes (part of) its bias. */
export function withAddedBias(p: LinearParams, add: HostTensor): LinearParams {
  const outF = outFeatures(p);
  const v = add.data;
  // The constant must broadcast along the output feature axis only.
  const ok = v.length === 1 || v.length === outF;
  if (!ok) return p;
  const bias = new Float32Array(outF);
  for (let o = 0; o < outF; o++) bias[o] = (p.bias ? p.bias[o] : 0) + v[v.length === 1 ? 0 : o];
  return { ...p, bias };
}

export function outFeatures(p: LinearParams): number {
  return p.layer === 'conv' ? p.weight.dims[0] : p.weight.dims[1];
}

/** BatchNormalization (inference form) folded into the preceding layer's weight and bias. */
export function foldBatchNorm(graph: OnnxGraph, p: LinearParams, bn: GraphNode): LinearParams {
  const where = `${graph.file}: node '${bn.name}' (BatchNormalization)`;
  const [scale, shift, mean, variance] = [1, 2, 3, 4].map((i) => constantInput(graph, bn, i, where, 'parameter').data);
  const eps = attrFloat(bn.attrs, 'epsilon', 1e-5);
  const outF = outFeatures(p);
  if (scale.length !== outF) return p;
  const s = new Float64Array(outF);
  for (let o = 0; o < outF; o++) s[o] = scale[o] / Math.sqrt(variance[o] + eps);
  const w = new Float32Array(p.weight.data.length);
  if (p.layer === 'conv') {
    const per = w.length / outF;
    for (let o = 0; o < outF; o++) for (let j = 0; j < per; j++) w[o * per + j] = p.weight.data[o * per + j] * s[o];
  } else {
    const inF = p.weight.dims[0];
    for (let i = 0; i < inF; i++) for (let o = 0; o < outF; o++) w[i * outF + o] = p.weight.data[i * outF + o] * s[o];
  }
  const bias = new Float32Array(outF);
  for (let o = 0; o < outF; o++) bias[o] = ((p.bias ? p.bias[o] : 0) - mean[o]) * s[o] + shift[o];
  return { ...p, weight: { ...p.weight, data: w }, bias };
}

function constantInput(graph: OnnxGraph, node: GraphNode, i: number, where: string, what: string): HostTensor {
  const name = node.inputs[i];
  const t = name ? graph.constants.get(name) : undefined;
  if (!t) throw new AppError('UNSUPPORTED_OP', `${where}: its ${what} ('${name ?? ''}') is computed at run time; only constant (initializer) parameters are supported`);
  return t;
}
