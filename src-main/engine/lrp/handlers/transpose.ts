// Transpose: relevance moves back with the inverse permutation (channels-last inputs start here).
import { attrInts } from '../../onnx/attributes';
import type { NodeHandler } from './handler';

export const transposeBack: NodeHandler = (ctx, unit) => {
  const r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const rank = ctx.alg.dims(r).length;
  const perm = attrInts(unit.node.attrs, 'perm', null) ?? [...Array(rank).keys()].reverse();
  const inverse = new Array<number>(rank);
  perm.forEach((p, i) => (inverse[p] = i));
  return [[unit.node.inputs[0], ctx.alg.transpose(r, inverse)]];
};
