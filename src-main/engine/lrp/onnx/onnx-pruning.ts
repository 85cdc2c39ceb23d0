// PLRP pruning as ONNX nodes, so a PLRP pass stays one ONNX Runtime graph (no trip to the host per
// pruning point). Same definitions as the TypeScript reference (../../plrp/keep-mask, lambda,
// prune-stats), per sample over all non-batch entries: the cut where the ascending prefix sums (in
// double precision) exceed p·Σ, θ = the last value that fits, prune v ≤ θ. A full sort per row is
// what PLRP cost most, so the cut is found from a histogram and a sort of one bin (./mass-cut).
import type { LambdaMode, ThresholdMode } from '../../../shared/explain-config';
import { PRUNE_STATS } from '../../plrp/prune-stats';
import type { SegmentBuilder, Sym } from './segment-builder';
import { massCut, type MassCut, type MassCutStrategy } from './mass-cut';
import { RowOps } from './row-ops';

export class OnnxPruning {
  private readonly ops: RowOps;

  constructor(private readonly b: SegmentBuilder, private readonly strategy: MassCutStrategy = 'histogram') {
    this.ops = new RowOps(b);
  }

  private readonly absByRelevance = new Map<string, Sym>();
  /**
   * PLRP-λ results → their total-mode λ ([N, 1] double; null for per-sign λ, which never flips a
   * sign), so the statistics count sign flips from λ instead of entry by entry, and the ΣR the λ
   * was computed from ([N, 1] double).
   */
  private readonly lambdaByResult = new Map<string, { total: Sym | null; sumBefore: Sym }>();
  /** Keep masks → Σ|R| and its pruned part ([N, 1] double), when the cut found them on the way. */
  private readonly massesByKeep = new Map<string, NonNullable<MassCut['masses']>>();

  /** |R| of a relevance tensor, flattened [N, M]: made once, shared by the mask and the statistics. */
  private absFlat(r: Sym): Sym {
    let v = this.absByRelevance.get(r.name);
    if (!v) {
      const flat = this.ops.flat(r);
      this.absByRelevance.set(r.name, (v = this.b.node('Abs', [flat], flat.dims)));
    }
    return v;
  }

  keepMask(r: Sym, p: number, mode: ThresholdMode): Sym {
    const flat = this.ops.flat(r);
    const m = this.ops.size(r);
    let kept: Sym;
    let masses: MassCut['masses'] = null;
    if (mode === 'count') {
      const k = Math.floor(p * m);
      if (k === 0) return this.b.node('Expand', [this.b.scalarFloat(1), this.b.node('Shape', [r], [r.dims.length], {}, 'int64')], r.dims);
      const v = this.absFlat(r);
      // θ = the k-th smallest: the largest of the k smallest, no order among them needed.
      const smallest = this.b.node2('TopK', [v, this.b.constInt64([k])], [[-1, k], [-1, k]], ['float32', 'int64'], { axis: 1, largest: 0, sorted: 0 })[0];
      kept = this.b.node('Greater', [v, this.ops.rowMax(smallest)], v.dims, {}, 'bool');
    } else if (mode === 'mass') {
      ({ notPruned: kept, masses } = massCut(this.ops, this.absFlat(r), null, p, this.strategy));
    } else {
      // mass-per-sign: non-negative entries by R, negative ones by −R; 0 stands in for the other group.
      const negative = this.b.node('Less', [flat, this.b.scalarFloat(0)], flat.dims, {}, 'bool');
      const nonNegative = this.b.node('Not', [negative], flat.dims, {}, 'bool');
      const zero = this.b.scalarFloat(0);
      const vPos = this.b.node('Where', [negative, zero, flat], flat.dims);
      const vNeg = this.b.node('Where', [negative, this.b.node('Neg', [flat], flat.dims), zero], flat.dims);
      const pos = massCut(this.ops, vPos, nonNegative, p, this.strategy);
      const neg = massCut(this.ops, vNeg, negative, p, this.strategy);
      kept = this.b.node('And', [pos.notPruned, neg.notPruned], flat.dims, {}, 'bool');
      if (pos.masses && neg.masses) {
        const add = (a: Sym, c: Sym) => this.b.node('Add', [a, c], a.dims, {}, 'double');
        masses = { total: add(pos.masses.total, neg.masses.total), pruned: add(pos.masses.pruned, neg.masses.pruned) };
      }
    }
    const keep = this.ops.unflat(this.ops.cast(kept, 'float32'), r);
    if (masses) this.massesByKeep.set(keep.name, masses);
    return keep;
  }

  /** λ = Σ / Σ_kept ([N, 1] doubles), 1 where the kept sum is 0. */
  private lambdaOf(total: Sym, kept: Sym): Sym {
    const zero = this.b.node('Equal', [kept, this.b.scalarDouble(0)], kept.dims, {}, 'bool');
    const ratio = this.b.node('Div', [total, kept], kept.dims, {}, 'double');
    return this.b.node('Where', [zero, this.b.scalarDouble(1), ratio], kept.dims, {}, 'double');
  }

  /** λ of one sign group (values in double, their sum, keep 0/1), per sample. */
  private groupLambda(values: Sym, sum: Sym, keep: Sym): Sym {
    return this.lambdaOf(sum, this.ops.rowSum(this.b.node('Mul', [values, keep], values.dims, {}, 'double')));
  }

  redistributeLambda(r: Sym, keep: Sym, mode: LambdaMode): { after: Sym; lambda: Sym } {
    const flat = this.ops.flat(r);
    const keepF = this.ops.flat(keep);
    let after: Sym;
    let lambda: Sym;
    let totalLambda: Sym | null = null;
    let sumBefore: Sym;
    if (mode === 'total') {
      // Σ R / Σ_kept R, summed in double; the rescaling itself runs in float32, like the relevance.
      const kept = this.b.node('Mul', [flat, keepF], flat.dims);
      const total = this.ops.rowSum(this.ops.cast(flat, 'double'));
      const keptSum = this.ops.rowSum(this.ops.cast(kept, 'double'));
      const l = this.lambdaOf(total, keptSum);
      sumBefore = total;
      after = this.b.node('Mul', [kept, this.ops.cast(l, 'float32')], flat.dims);
      lambda = this.b.node('Concat', [l, this.b.node('Mul', [l, this.b.scalarDouble(Number.NaN)], l.dims, {}, 'double')], [-1, 2], { axis: 1 }, 'double');
      totalLambda = l;
    } else {
      const keepD = this.ops.cast(keepF, 'double');
      const rd = this.ops.cast(flat, 'double');
      const pos = this.b.node('Relu', [rd], rd.dims, {}, 'double');
      const neg = this.b.node('Min', [rd, this.b.scalarDouble(0)], rd.dims, {}, 'double');
      const posSum = this.ops.rowSum(pos);
      const negSum = this.ops.rowSum(neg);
      const lPos = this.groupLambda(pos, posSum, keepD);
      const lNeg = this.groupLambda(neg, negSum, keepD);
      sumBefore = this.b.node('Add', [posSum, negSum], posSum.dims, {}, 'double');
      const posF = this.b.node('Relu', [flat], flat.dims);
      const negF = this.b.node('Min', [flat, this.b.scalarFloat(0)], flat.dims);
      const scaled = this.b.node('Add', [this.b.node('Mul', [posF, this.ops.cast(lPos, 'float32')], flat.dims), this.b.node('Mul', [negF, this.ops.cast(lNeg, 'float32')], flat.dims)], flat.dims);
      after = this.b.node('Mul', [scaled, keepF], flat.dims);
      lambda = this.b.node('Concat', [lPos, lNeg], [-1, 2], { axis: 1 }, 'double');
    }
    const result = this.ops.unflat(after, r);
    this.lambdaByResult.set(result.name, { total: totalLambda, sumBefore });
    return { after: result, lambda: this.ops.cast(lambda, 'float32') };
  }

  /**
   * Diagnostics only: float32 sums (the relevance itself is float32) keep this pass cheap, and the
   * sums the cut and λ already made (in double) are reused. Sign flips of PLRP-λ follow from λ
   * (every kept entry flips when λ < 0, none with per-sign λ), so only PLRP-M compares signs entry
   * by entry.
   */
  pruneStats(before: Sym, after: Sym, keep: Sym): Sym {
    const b = this.b;
    const bf = this.ops.flat(before);
    const af = this.ops.flat(after);
    const kf = this.ops.flat(keep);
    const m = this.ops.size(before);
    const kept = this.ops.rowSum(kf);
    const pruned = b.node('Sub', [b.scalarFloat(m), kept], kept.dims);
    const masses = this.massesByKeep.get(keep.name);
    let totalMass: Sym;
    let prunedMass: Sym;
    if (masses) {
      totalMass = this.ops.cast(masses.total, 'float32');
      prunedMass = this.ops.cast(masses.pruned, 'float32');
    } else {
      const abs = this.absFlat(before);
      totalMass = this.ops.rowSum(abs);
      prunedMass = b.node('Sub', [totalMass, this.ops.rowSum(b.node('Mul', [abs, kf], bf.dims))], kept.dims);
    }
    const lambda = this.lambdaByResult.get(after.name);
    let flips: Sym;
    if (lambda?.total) {
      const negative = b.node('Less', [lambda.total, b.scalarDouble(0)], kept.dims, {}, 'bool');
      flips = b.node('Where', [negative, kept, b.scalarFloat(0)], kept.dims);
    } else if (lambda) {
      flips = b.node('Mul', [kept, b.scalarFloat(0)], kept.dims);
    } else {
      // PLRP-M: a pruned entry's R̃ is exactly 0 (its masked activation is), so before · after < 0
      // only holds for kept entries and needs no product with the mask.
      const flipped = b.node('Less', [b.node('Mul', [bf, af], bf.dims), b.scalarFloat(0)], bf.dims, {}, 'bool');
      flips = this.ops.rowSum(this.ops.cast(flipped, 'float32'));
    }
    const sumBefore = lambda ? this.ops.cast(lambda.sumBefore, 'float32') : this.ops.rowSum(bf);
    // Σ|R̃|: PLRP-λ/total scales every kept entry by λ, so it is |λ| · the kept mass, with no pass
    // over the row (PLRP's speed is measured against the forward); the others sum it.
    const massAfter = lambda?.total
      ? b.node('Mul', [b.node('Abs', [this.ops.cast(lambda.total, 'float32')], kept.dims), b.node('Sub', [totalMass, prunedMass], kept.dims)], kept.dims)
      : this.ops.rowL1(af);
    const columns = [pruned, kept, prunedMass, totalMass, flips, sumBefore, this.ops.rowSum(af), massAfter];
    if (columns.length !== PRUNE_STATS.length) throw new Error('prune stats columns out of sync');
    return b.node('Concat', columns, [-1, PRUNE_STATS.length], { axis: 1 });
  }
}
