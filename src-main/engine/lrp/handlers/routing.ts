// Pad, Concat, Split, Slice: each part of the relevance goes back to where its data came from.
import { AppError } from '../../../shared/errors';
import { attrInt, attrInts } from '../../onnx/attributes';
import type { GraphNode, OnnxGraph } from '../../onnx/graph';
import type { Contribution, HandlerContext, NodeHandler } from './handler';
import type { NodeUnit } from '../../model/analyze';

function constInts(graph: OnnxGraph, node: GraphNode, inputIndex: number, attr: string): number[] | null {
  const name = node.inputs[inputIndex];
  if (name) {
    const t = graph.constants.get(name);
    if (!t) throw new AppError('UNSUPPORTED_OP', `${graph.file}: node '${node.name}' (${node.opType}): its ${attr} are computed at run time; only constant ${attr} are supported`);
    return Array.from(t.data);
  }
  return attrInts(node.attrs, attr, null);
}

const normAxis = (axis: number, rank: number) => (axis < 0 ? axis + rank : axis);

/** Constant zero Pad: drop the padded positions (and re-insert zeros where it cropped). */
export const padBack: NodeHandler = (ctx, unit) => {
  let r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const input = unit.node.inputs[0];
  const inDims = ctx.alg.dims(ctx.act(input));
  const rank = inDims.length;
  const pads = constInts(ctx.graph, unit.node, 1, 'pads') ?? new Array(2 * rank).fill(0);
  const axesGiven = unit.node.inputs[3] ? constInts(ctx.graph, unit.node, 3, 'axes') : null;
  const axes = (axesGiven ?? [...Array(rank).keys()]).map((a) => normAxis(a, rank));
  axes.forEach((axis, i) => {
    const before = pads[i];
    const after = pads[i + axes.length];
    if (!before && !after) return;
    const start = Math.max(before, 0);
    const kept = inDims[axis] + Math.min(before, 0) + Math.min(after, 0);
    r = ctx.alg.slice(r!, axis, start, start + kept);
    if (before < 0 || after < 0) r = ctx.alg.pad(r, axis, Math.max(-before, 0), Math.max(-after, 0));
  });
  return [[input, r]];
};

export const concatBack: NodeHandler = <T>(ctx: HandlerContext<T>, unit: NodeUnit): Contribution<T>[] => {
  const r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const rank = ctx.alg.dims(r).length;
  const axis = normAxis(attrInt(unit.node.attrs, 'axis', 0), rank);
  const out: Contribution<T>[] = [];
  let offset = 0;
  for (const name of unit.node.inputs) {
    const len = ctx.alg.dims(ctx.act(name))[axis];
    if (unit.dataInputs.includes(name)) out.push([name, ctx.alg.slice(r, axis, offset, offset + len)]);
    offset += len;
  }
  return out;
};

export const splitBack: NodeHandler = (ctx, unit) => {
  const parts = unit.node.outputs.map((o) => ctx.rOut(o));
  if (parts.every((p) => p === undefined)) return [];
  const rank = ctx.alg.dims(ctx.act(unit.node.inputs[0])).length;
  const axis = normAxis(attrInt(unit.node.attrs, 'axis', 0), rank);
  const filled = parts.map((p, i) => p ?? ctx.alg.fillLike(ctx.act(unit.node.outputs[i]), 0));
  return [[unit.node.inputs[0], ctx.alg.concat(filled, axis)]];
};

export const sliceBack: NodeHandler = (ctx, unit) => {
  let r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const input = unit.node.inputs[0];
  const inDims = ctx.alg.dims(ctx.act(input));
  const rank = inDims.length;
  const legacy = ctx.graph.opset < 10;
  const starts = legacy ? attrInts(unit.node.attrs, 'starts', [])! : constInts(ctx.graph, unit.node, 1, 'starts')!;
  const ends = legacy ? attrInts(unit.node.attrs, 'ends', [])! : constInts(ctx.graph, unit.node, 2, 'ends')!;
  const axes = (legacy ? attrInts(unit.node.attrs, 'axes', null) : unit.node.inputs[3] ? constInts(ctx.graph, unit.node, 3, 'axes') : null) ?? starts.map((_, i) => i);
  const steps = !legacy && unit.node.inputs[4] ? constInts(ctx.graph, unit.node, 4, 'steps')! : starts.map(() => 1);
  axes.forEach((a, i) => {
    const axis = normAxis(a, rank);
    if (steps[i] !== 1) throw new AppError('UNSUPPORTED_OP', `${ctx.graph.file}: node '${unit.name}' (Slice): steps other than 1 are not supported`);
    const len = inDims[axis];
    const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + len : v, 0), len);
    const s = clamp(starts[i]);
    const e = Math.max(clamp(ends[i]), s);
    r = ctx.alg.pad(r!, axis, s, len - e);
  });
  return [[input, r]];
};
