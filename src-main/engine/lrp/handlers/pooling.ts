// Pooling. MaxPool: winner takes all (the gradient route; ties to the first position).
// AveragePool: zennit's Norm rule R_i = a_i Σ_{j∋i} (1/k_j) R_j / stab(o_j), written as a depthwise
// convolution with weights 1/k so both backends reuse their convolution kernels.
import { AppError } from '../../../shared/errors';
import { attrInt, attrInts } from '../../onnx/attributes';
import type { LinearParams } from '../../model/linear-params';
import type { PoolGeometry } from '../algebra';
import { NORM_STABILIZER, type HandlerContext, type NodeHandler } from './handler';
import type { NodeUnit } from '../../model/analyze';

function geometry<T>(ctx: HandlerContext<T>, unit: NodeUnit): PoolGeometry {
  const dims = ctx.alg.dims(ctx.act(unit.node.inputs[0]));
  const where = `${ctx.graph.file}: node '${unit.name}' (${unit.opType})`;
  if (dims.length !== 3) throw new AppError('UNSUPPORTED_OP', `${where}: only 1-D pooling over [N, C, L] is supported`);
  if (unit.opType.startsWith('Global')) return { kernel: dims[2], strides: dims[2], pads: [0, 0], dilations: 1 };
  const kernel = (attrInts(unit.node.attrs, 'kernel_shape', null) ?? [])[0];
  if (!kernel) throw new AppError('BAD_MODEL', `${where}: kernel_shape missing`);
  const pads = attrInts(unit.node.attrs, 'pads', [0, 0])!;
  return {
    kernel,
    strides: (attrInts(unit.node.attrs, 'strides', [1]) ?? [1])[0],
    pads: [pads[0] ?? 0, pads[1] ?? 0],
    dilations: (attrInts(unit.node.attrs, 'dilations', [1]) ?? [1])[0],
  };
}

export const maxPoolBack: NodeHandler = (ctx, unit) => {
  const r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const a = ctx.act(unit.node.inputs[0]);
  const poolOutput = unit.opType === 'MaxPool' ? unit.node.outputs[0] : undefined;
  return [[unit.node.inputs[0], ctx.alg.maxPoolRoute(r, a, geometry(ctx, unit), poolOutput)]];
};

const avgParamsCache = new Map<string, LinearParams>();

function averagingParams(channels: number, g: PoolGeometry): LinearParams {
  const key = `${channels}:${g.kernel}:${g.strides}:${g.pads}`;
  let p = avgParamsCache.get(key);
  if (!p) {
    p = {
      layer: 'conv',
      weight: { dims: [channels, 1, g.kernel], data: new Float32Array(channels * g.kernel).fill(1 / g.kernel), dtype: 'float32' },
      bias: null,
      conv: { strides: g.strides, dilations: 1, pads: g.pads, group: channels, kernel: g.kernel },
    };
    avgParamsCache.set(key, p);
  }
  return p;
}

export const averagePoolBack: NodeHandler = (ctx, unit) => {
  const r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const input = unit.node.inputs[0];
  const a = ctx.act(input);
  const g = geometry(ctx, unit);
  if ((g.pads[0] || g.pads[1]) && attrInt(unit.node.attrs, 'count_include_pad', 0) === 0) {
    throw new AppError('UNSUPPORTED_OP', `${ctx.graph.file}: node '${unit.name}' (AveragePool): padding with count_include_pad=0 is not supported; pad with a separate Pad node`);
  }
  if (attrInt(unit.node.attrs, 'ceil_mode', 0) !== 0) {
    throw new AppError('UNSUPPORTED_OP', `${ctx.graph.file}: node '${unit.name}' (AveragePool): ceil_mode=1 is not supported`);
  }
  const p = averagingParams(ctx.alg.dims(a)[1], g);
  // The pooled average is recomputed from `a` so PLRP-M's masked input changes it too.
  const o = ctx.alg.linear(a, p);
  const s = ctx.alg.div(r, ctx.alg.stab(o, NORM_STABILIZER));
  return [[input, ctx.alg.mul(a, ctx.alg.linearT(s, p, a))]];
};
