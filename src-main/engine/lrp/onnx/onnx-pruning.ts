// PLRP pruning as ONNX nodes, so a PLRP pass stays one ONNX Runtime graph (no trip to the host per
// pruning point). Same definitions as the TypeScript reference (../../plrp/keep-mask, lambda,
// prune-stats), per sample over all non-batch entries: sort ascending (TopK), prefix sums in double
// precision (CumSum), the cut where the prefix exceeds p·Σ, θ by GatherElements, prune v ≤ θ.
import type { LambdaMode, ThresholdMode } from '../../../shared/explain-config';
import { PRUNE_STATS } from '../../plrp/prune-stats';
import type { SegmentBuilder, Sym } from './segment-builder';

const FLOAT = 1;
const DOUBLE = 11;

export class OnnxPruning {
  constructor(private readonly b: SegmentBuilder) {}

  private size(x: Sym): number {
    return x.dims.slice(1).reduce((a, d) => a * d, 1);
  }

  private flat(x: Sym): Sym {
    const m = this.size(x);
    return this.b.node('Reshape', [x, this.b.constInt64([-1, m])], [-1, m], {}, x.dtype);
  }

  private unflat(x: Sym, like: Sym): Sym {
    return this.b.node('Reshape', [x, this.b.constInt64([-1, ...like.dims.slice(1)])], like.dims, {}, x.dtype);
  }

  private cast(x: Sym, to: 'float32' | 'double'): Sym {
    return this.b.node('Cast', [x], x.dims, { to: to === 'double' ? DOUBLE : FLOAT }, to);
  }

  /** Σ over the last axis, keepdims ([N, M] → [N, 1]); ReduceSum takes its axes as input from opset 13. */
  private rowSum(x: Sym): Sym {
    const dims = [x.dims[0], 1];
    return this.b.opset >= 13
      ? this.b.node('ReduceSum', [x, this.b.constInt64([1])], dims, { keepdims: 1 }, x.dtype)
      : this.b.node('ReduceSum', [x], dims, { axes: [1], keepdims: 1 }, x.dtype);
  }

  private notGreater(a: Sym, c: Sym | string): Sym {
    return this.b.node('Not', [this.b.node('Greater', [a, c], a.dims, {}, 'bool')], a.dims, {}, 'bool');
  }

  private sortAscending(v: Sym): Sym {
    const m = v.dims[1];
    return this.b.node2('TopK', [v, this.b.constInt64([m])], [v.dims, v.dims], [v.dtype, 'int64'], { axis: 1, largest: 0, sorted: 1 })[0];
  }

  /** Row-wise x[:, index] for a [N, 1] double index (clamped at 0). */
  private gatherAt(x: Sym, index: Sym): Sym {
    const i = this.b.node('Cast', [this.b.node('Max', [index, this.b.scalarDouble(0)], index.dims, {}, 'double')], index.dims, { to: 7 }, 'int64');
    return this.b.node('GatherElements', [x, i], index.dims, { axis: 1 }, x.dtype);
  }

  /**
   * Mass rule on values v ≥ 0 ([N, M]; +∞ marks entries outside the group). `groupSize` ([N, 1]
   * double) counts the group's entries; null means all of them. Σ is the prefix sum at the group's
   * last entry, so it is summed in sorted order like the prefixes (as the spec and the reference do).
   */
  private massPruned(v: Sym, groupSize: Sym | null, p: number): Sym {
    const sorted = this.sortAscending(v);
    const prefix = this.b.node('CumSum', [this.cast(sorted, 'double'), this.b.constInt64([1])], v.dims, {}, 'double');
    const m = v.dims[1];
    const total = groupSize
      ? this.gatherAt(prefix, this.b.node('Sub', [groupSize, this.b.scalarDouble(1)], groupSize.dims, {}, 'double'))
      : this.b.node('Slice', [prefix, this.b.constInt64([m - 1]), this.b.constInt64([m]), this.b.constInt64([1])], [-1, 1], {}, 'double');
    const budget = this.b.node('Mul', [total, this.b.scalarDouble(p)], total.dims, {}, 'double');
    const fits = this.cast(this.notGreater(prefix, budget), 'double');
    const k = this.rowSum(fits);
    const theta = this.gatherAt(sorted, this.b.node('Sub', [k, this.b.scalarDouble(1)], k.dims, {}, 'double'));
    let any = this.b.node('Greater', [k, this.b.scalarDouble(0)], k.dims, {}, 'bool');
    // An empty group has Σ = +∞ here: nothing of it (nor of the other group) may be pruned.
    if (groupSize) any = this.b.node('And', [any, this.b.node('Greater', [groupSize, this.b.scalarDouble(0)], k.dims, {}, 'bool')], k.dims, {}, 'bool');
    return this.b.node('And', [this.notGreater(v, theta), any], v.dims, {}, 'bool');
  }

  keepMask(r: Sym, p: number, mode: ThresholdMode): Sym {
    const flat = this.flat(r);
    const m = this.size(r);
    let pruned: Sym;
    if (mode === 'count') {
      const k = Math.floor(p * m);
      if (k === 0) return this.b.node('Expand', [this.b.scalarFloat(1), this.b.node('Shape', [r], [r.dims.length], {}, 'int64')], r.dims);
      const v = this.b.node('Abs', [flat], flat.dims);
      const sorted = this.sortAscending(v);
      const theta = this.b.node('Slice', [sorted, this.b.constInt64([k - 1]), this.b.constInt64([k]), this.b.constInt64([1])], [-1, 1]);
      pruned = this.notGreater(v, theta);
    } else if (mode === 'mass') {
      const v = this.b.node('Abs', [flat], flat.dims);
      pruned = this.massPruned(v, null, p);
    } else {
      // mass-per-sign: non-negative entries by R, negative ones by −R; +∞ keeps the other group out.
      const negative = this.b.node('Less', [flat, this.b.scalarFloat(0)], flat.dims, {}, 'bool');
      const inf = this.b.scalarFloat(Number.POSITIVE_INFINITY);
      const vPos = this.b.node('Where', [negative, inf, flat], flat.dims);
      const negated = this.b.node('Neg', [flat], flat.dims);
      const vNeg = this.b.node('Where', [negative, negated, inf], flat.dims);
      const countNeg = this.rowSum(this.cast(negative, 'double'));
      const countPos = this.b.node('Sub', [this.b.scalarDouble(m), countNeg], countNeg.dims, {}, 'double');
      pruned = this.b.node('Or', [this.massPruned(vPos, countPos, p), this.massPruned(vNeg, countNeg, p)], flat.dims, {}, 'bool');
    }
    const keep = this.cast(this.b.node('Not', [pruned], flat.dims, {}, 'bool'), 'float32');
    return this.unflat(keep, r);
  }

  /** λ = Σ over a group / Σ over its kept part (1 when that is 0), per sample, in double. */
  private lambda(values: Sym, keep: Sym): Sym {
    const total = this.rowSum(values);
    const kept = this.rowSum(this.b.node('Mul', [values, keep], values.dims, {}, 'double'));
    const zero = this.b.node('Equal', [kept, this.b.scalarDouble(0)], kept.dims, {}, 'bool');
    const ratio = this.b.node('Div', [total, kept], kept.dims, {}, 'double');
    return this.b.node('Where', [zero, this.b.scalarDouble(1), ratio], kept.dims, {}, 'double');
  }

  redistributeLambda(r: Sym, keep: Sym, mode: LambdaMode): { after: Sym; lambda: Sym } {
    const flat = this.flat(r);
    const keepD = this.cast(this.flat(keep), 'double');
    const rd = this.cast(flat, 'double');
    const keepF = this.flat(keep);
    let after: Sym;
    let lambda: Sym;
    if (mode === 'total') {
      const l = this.lambda(rd, keepD);
      // λ is summed in double; the rescaling itself runs in float32, like the relevance.
      after = this.b.node('Mul', [flat, this.b.node('Mul', [keepF, this.cast(l, 'float32')], flat.dims)], flat.dims);
      lambda = this.b.node('Concat', [l, this.b.node('Mul', [l, this.b.scalarDouble(Number.NaN)], l.dims, {}, 'double')], [-1, 2], { axis: 1 }, 'double');
    } else {
      const pos = this.b.node('Relu', [rd], rd.dims, {}, 'double');
      const neg = this.b.node('Min', [rd, this.b.scalarDouble(0)], rd.dims, {}, 'double');
      const lPos = this.lambda(pos, keepD);
      const lNeg = this.lambda(neg, keepD);
      const posF = this.b.node('Relu', [flat], flat.dims);
      const negF = this.b.node('Min', [flat, this.b.scalarFloat(0)], flat.dims);
      const scaled = this.b.node('Add', [this.b.node('Mul', [posF, this.cast(lPos, 'float32')], flat.dims), this.b.node('Mul', [negF, this.cast(lNeg, 'float32')], flat.dims)], flat.dims);
      after = this.b.node('Mul', [scaled, keepF], flat.dims);
      lambda = this.b.node('Concat', [lPos, lNeg], [-1, 2], { axis: 1 }, 'double');
    }
    return { after: this.unflat(after, r), lambda: this.cast(lambda, 'float32') };
  }

  /** Diagnostics only: float32 sums (the relevance itself is float32) keep this pass cheap. */
  pruneStats(before: Sym, after: Sym, keep: Sym): Sym {
    const bf = this.flat(before);
    const af = this.flat(after);
    const kf = this.flat(keep);
    const m = this.size(before);
    const prunedMask = this.b.node('Sub', [this.b.scalarFloat(1), kf], kf.dims);
    const abs = this.b.node('Abs', [bf], bf.dims);
    const pruned = this.rowSum(prunedMask);
    const kept = this.b.node('Sub', [this.b.scalarFloat(m), pruned], pruned.dims);
    const prunedMass = this.rowSum(this.b.node('Mul', [abs, prunedMask], bf.dims));
    const flipped = this.b.node('Less', [this.b.node('Mul', [bf, af], bf.dims), this.b.scalarFloat(0)], bf.dims, {}, 'bool');
    const flips = this.rowSum(this.b.node('Mul', [this.cast(flipped, 'float32'), kf], bf.dims));
    const columns = [pruned, kept, prunedMass, this.rowSum(abs), flips, this.rowSum(bf), this.rowSum(af)];
    if (columns.length !== PRUNE_STATS.length) throw new Error('prune stats columns out of sync');
    return this.b.node('Concat', columns, [-1, PRUNE_STATS.length], { axis: 1 });
  }
}
