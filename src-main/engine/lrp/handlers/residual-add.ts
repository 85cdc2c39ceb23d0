// Add of two computed tensors (a residual connection): the norm rule over the summands,
// R_k = x_k · R / stab(Σ_k x_k) — zennit's Norm rule on its Sum module.
import { AppError } from '../../../shared/errors';
import { NORM_STABILIZER, type Contribution, type HandlerContext, type NodeHandler } from './handler';
import type { NodeUnit } from '../../model/analyze';

export const residualAddBack: NodeHandler = <T>(ctx: HandlerContext<T>, unit: NodeUnit): Contribution<T>[] => {
  const r = ctx.rOut(unit.node.outputs[0]);
  if (r === undefined) return [];
  const [x1, x2] = unit.node.inputs.map((n) => ctx.act(n));
  const d1 = ctx.alg.dims(x1).join(',');
  if (d1 !== ctx.alg.dims(x2).join(',')) {
    throw new AppError('UNSUPPORTED_OP', `${ctx.graph.file}: node '${unit.name}' (Add): summands of different shapes (broadcasting) are not supported`);
  }
  const s = ctx.alg.div(r, ctx.alg.stab(ctx.alg.add(x1, x2), NORM_STABILIZER));
  const out: Contribution<T>[] = [];
  unit.node.inputs.forEach((name, k) => out.push([name, ctx.alg.mul(k === 0 ? x1 : x2, s)]));
  return out;
};
