// Elementwise activations, Dropout, Cast, Identity and BatchNormalization that could not be folded:
// the relevance passes unchanged (R_in = R_out), as in zennit's Pass rule.
import type { NodeHandler } from './handler';

export const passThrough: NodeHandler = (ctx, unit) => {
  const r = ctx.rOut(unit.node.outputs[0]);
  return r === undefined ? [] : [[unit.dataInputs[0], r]];
};
