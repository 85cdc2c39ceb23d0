// Reshape, Flatten, Squeeze, Unsqueeze: relevance takes the input's shape back (same element order).
import type { NodeHandler } from './handler';

export const reshapeBack: NodeHandler = (ctx, unit) => {
  const r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const input = unit.node.inputs[0];
  return [[input, ctx.alg.reshape(r, ctx.alg.dims(ctx.act(input)).slice(1))]];
};
