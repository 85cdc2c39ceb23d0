// PLRP pruning as ONNX nodes, so a PLRP pass stays one ONNX Runtime graph (no trip to the host per
// pruning point). Same definitions as the TypeScript reference (../../plrp/keep-mask, lambda,
// prune-stats), per sample over all non-batch entries: the cut where the ascending prefix sums (in
// double precision) exceed p·Σ, θ = the last value that fits, prune v ≤ θ. A full sort per row is
// what PLRP cost most, so the cut is found from a histogram and a sort of one bin (see below).
import type { LambdaMode, ThresholdMode } from '../../../shared/explain-config';
import { PRUNE_STATS } from '../../plrp/prune-stats';
import type { SegmentBuilder, Sym } from './segment-builder';

const FLOAT = 1;
const DOUBLE = 11;
const INT32 = 6;
const INT64 = 7;
/** Rows shorter than this are sorted whole: their TopK is cheaper than a histogram. */
const HISTOGRAM_MIN_ENTRIES = 64;

/** Histogram bins for rows of m entries: about eight entries per bin (16 … 2048), so the crossing bin holds few. */
function histogramBins(m: number): number {
  return Math.min(2048, Math.max(16, 2 ** Math.ceil(Math.log2(m / 8))));
}
/** ScatterElements with reduction = 'add' (the histogram) is opset 16. */
const HISTOGRAM_OPSET = 16;

/** How the mass threshold is found: a histogram and a small sort (the default), or one full sort per row. */
export type MassCutStrategy = 'histogram' | 'sort';

export class OnnxPruning {
  constructor(private readonly b: SegmentBuilder, private readonly strategy: MassCutStrategy = 'histogram') {}

  private readonly absByRelevance = new Map<string, Sym>();
  /** PLRP-λ results → their λ ([N, 1] double) and mode, so the statistics can count sign flips from λ. */
  private readonly lambdaByResult = new Map<string, { lambda: Sym; mode: LambdaMode }>();

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
   * Mass rule on values v ≥ 0 ([N, M]); `inGroup` (bool [N, M]) limits it to some entries (the
   * values of the others must be 0), null means all. Returns the pruned entries (bool [N, M]).
   */
  private massPruned(v: Sym, inGroup: Sym | null, p: number): Sym {
    if (p >= 1) {
      // Every prefix is ≤ Σ: all entries go (summing Σ in another order must not keep the largest).
      return inGroup ?? this.b.node('Not', [this.b.node('Less', [v, this.b.scalarFloat(Number.NEGATIVE_INFINITY)], v.dims, {}, 'bool')], v.dims, {}, 'bool');
    }
    const pruned = this.strategy === 'histogram' && v.dims[1] >= HISTOGRAM_MIN_ENTRIES && this.b.allowOpset(HISTOGRAM_OPSET) ? this.massPrunedByHistogram(v, inGroup, p) : this.massPrunedBySort(v, inGroup, p);
    return inGroup ? this.b.node('And', [pruned, inGroup], v.dims, {}, 'bool') : pruned;
  }

  /**
   * The mass cut without sorting everything. A histogram of the mass over bins of √(v / max)
   * (monotone in v, so bins hold value ranges in order) finds the bin b* where the prefix crosses
   * T = p·Σ: bins below it are pruned whole, bins above kept whole. Only b*'s entries are sorted
   * (a TopK as long as the largest b* population in the batch, usually a handful of entries), and
   * their prefix sums, started at the mass below b*, give θ exactly as the full sort would.
   */
  private massPrunedByHistogram(v: Sym, inGroup: Sym | null, p: number): Sym {
    const b = this.b;
    const bins = histogramBins(v.dims[1]);
    // bin = ⌊√(v · (B − ½)² / max)⌋ ∈ [0, B − 1]: ⌊(B − ½)·√(v / max)⌋ up to rounding, monotone in v.
    const max = this.rowMax(v);
    const positiveMax = b.node('Where', [b.node('Greater', [max, b.scalarFloat(0)], max.dims, {}, 'bool'), max, b.scalarFloat(1)], max.dims);
    const scale = b.node('Div', [b.scalarFloat((bins - 0.5) ** 2), positiveMax], max.dims);
    const bin = b.node('Floor', [b.node('Sqrt', [b.node('Mul', [v, scale], v.dims)], v.dims)], v.dims);
    const rows = b.node('Slice', [b.node('Shape', [v], [2], {}, 'int64'), b.constInt64([0]), b.constInt64([1])], [1], {}, 'int64');
    const histogramShape = b.node('Concat', [rows, b.constInt64([bins])], [2], { axis: 0 }, 'int64');
    const empty = b.node('Expand', [b.scalarDouble(0), histogramShape], [-1, bins], {}, 'double');
    const binIndex = b.node('Cast', [bin], v.dims, { to: INT32 }, 'int64');
    const histogram = b.node('ScatterElements', [empty, binIndex, this.cast(v, 'double')], empty.dims, { axis: 1, reduction: 'add' }, 'double');
    const cumulative = b.node('CumSum', [histogram, b.constInt64([1])], empty.dims, {}, 'double');
    const total = b.node('Slice', [cumulative, b.constInt64([bins - 1]), b.constInt64([bins]), b.constInt64([1])], [-1, 1], {}, 'double');
    const budget = b.node('Mul', [total, b.scalarDouble(p)], total.dims, {}, 'double');
    // The bins that fit whole; the next one (if any) is where the prefix crosses the budget.
    const wholeBins = this.rowSum(this.cast(this.notGreater(cumulative, budget), 'double'));
    const massBelow = this.valueBefore(cumulative, wholeBins, 0);
    const crossingBin = this.cast(wholeBins, 'float32');
    let inCrossingBin = b.node('Equal', [bin, crossingBin], v.dims, {}, 'bool');
    if (inGroup) inCrossingBin = b.node('And', [inCrossingBin, inGroup], v.dims, {}, 'bool');
    const candidates = b.node('Where', [inCrossingBin, v, b.scalarFloat(Number.POSITIVE_INFINITY)], v.dims);
    const population = this.rowSum(this.cast(inCrossingBin, 'float32'));
    const largest = b.node('Reshape', [this.rowMax(b.node('Reshape', [population, b.constInt64([1, -1])], [1, -1])), b.constInt64([1])], [1]);
    const k = b.node('Cast', [b.node('Max', [largest, b.scalarFloat(1)], [1])], [1], { to: INT64 }, 'int64');
    const sorted = b.node2('TopK', [candidates, k], [[-1, -1], [-1, -1]], ['float32', 'int64'], { axis: 1, largest: 0, sorted: 1 })[0];
    const prefix = b.node('Add', [massBelow, b.node('CumSum', [this.cast(sorted, 'double'), b.constInt64([1])], sorted.dims, {}, 'double')], sorted.dims, {}, 'double');
    const fits = this.rowSum(this.cast(this.notGreater(prefix, budget), 'double'));
    const theta = this.valueBefore(sorted, fits, -1);
    return b.node('Or', [b.node('Less', [bin, crossingBin], v.dims, {}, 'bool'), this.notGreater(v, theta)], v.dims, {}, 'bool');
  }

  /** Row-wise x[:, count − 1], or `none` where count is 0 ([N, 1] result; count a [N, 1] double). */
  private valueBefore(x: Sym, count: Sym, none: number): Sym {
    const some = this.b.node('Greater', [count, this.b.scalarDouble(0)], count.dims, {}, 'bool');
    const at = this.gatherAt(x, this.b.node('Sub', [count, this.b.scalarDouble(1)], count.dims, {}, 'double'));
    return this.b.node('Where', [some, at, x.dtype === 'double' ? this.b.scalarDouble(none) : this.b.scalarFloat(none)], count.dims, {}, x.dtype);
  }

  /** Max over the last axis, keepdims ([N, M] → [N, 1]); ReduceMax takes `axes` as an attribute until opset 18. */
  private rowMax(x: Sym): Sym {
    const dims = [x.dims[0], 1];
    return this.b.opset >= 18
      ? this.b.node('ReduceMax', [x, this.b.constInt64([1])], dims, { keepdims: 1 }, x.dtype)
      : this.b.node('ReduceMax', [x], dims, { axes: [1], keepdims: 1 }, x.dtype);
  }

  /**
   * The mass cut by the definition: sort every row ascending (TopK), prefix sums in double, the
   * cut where the prefix exceeds p·Σ. For models whose opset cannot take the histogram's
   * ScatterElements reduction; entries outside the group sort last as +∞.
   */
  private massPrunedBySort(v: Sym, inGroup: Sym | null, p: number): Sym {
    const b = this.b;
    const m = v.dims[1];
    const values = inGroup ? b.node('Where', [inGroup, v, b.scalarFloat(Number.POSITIVE_INFINITY)], v.dims) : v;
    const sorted = this.sortAscending(values);
    const prefix = b.node('CumSum', [this.cast(sorted, 'double'), b.constInt64([1])], v.dims, {}, 'double');
    // Σ is the prefix at the group's last entry, summed in sorted order like the prefixes.
    const total = inGroup
      ? this.valueBefore(prefix, this.rowSum(this.cast(inGroup, 'double')), 0)
      : b.node('Slice', [prefix, b.constInt64([m - 1]), b.constInt64([m]), b.constInt64([1])], [-1, 1], {}, 'double');
    const budget = b.node('Mul', [total, b.scalarDouble(p)], total.dims, {}, 'double');
    const fits = this.rowSum(this.cast(this.notGreater(prefix, budget), 'double'));
    return this.notGreater(v, this.valueBefore(sorted, fits, -1));
  }

  /** |R| of a relevance tensor, flattened [N, M]: made once, shared by the mask and the statistics. */
  private absFlat(r: Sym): Sym {
    let v = this.absByRelevance.get(r.name);
    if (!v) {
      const flat = this.flat(r);
      this.absByRelevance.set(r.name, (v = this.b.node('Abs', [flat], flat.dims)));
    }
    return v;
  }

  keepMask(r: Sym, p: number, mode: ThresholdMode): Sym {
    const flat = this.flat(r);
    const m = this.size(r);
    let pruned: Sym;
    if (mode === 'count') {
      const k = Math.floor(p * m);
      if (k === 0) return this.b.node('Expand', [this.b.scalarFloat(1), this.b.node('Shape', [r], [r.dims.length], {}, 'int64')], r.dims);
      const v = this.absFlat(r);
      // θ = the k-th smallest: the largest of the k smallest, no order among them needed.
      const smallest = this.b.node2('TopK', [v, this.b.constInt64([k])], [[-1, k], [-1, k]], ['float32', 'int64'], { axis: 1, largest: 0, sorted: 0 })[0];
      pruned = this.notGreater(v, this.rowMax(smallest));
    } else if (mode === 'mass') {
      pruned = this.massPruned(this.absFlat(r), null, p);
    } else {
      // mass-per-sign: non-negative entries by R, negative ones by −R; 0 stands in for the other group.
      const negative = this.b.node('Less', [flat, this.b.scalarFloat(0)], flat.dims, {}, 'bool');
      const nonNegative = this.b.node('Not', [negative], flat.dims, {}, 'bool');
      const zero = this.b.scalarFloat(0);
      const vPos = this.b.node('Where', [negative, zero, flat], flat.dims);
      const vNeg = this.b.node('Where', [negative, this.b.node('Neg', [flat], flat.dims), zero], flat.dims);
      pruned = this.b.node('Or', [this.massPruned(vPos, nonNegative, p), this.massPruned(vNeg, negative, p)], flat.dims, {}, 'bool');
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
    const keepF = this.flat(keep);
    let after: Sym;
    let lambda: Sym;
    if (mode === 'total') {
      // Σ R / Σ_kept R, summed in double; the rescaling itself runs in float32, like the relevance.
      const kept = this.b.node('Mul', [flat, keepF], flat.dims);
      const total = this.rowSum(this.cast(flat, 'double'));
      const keptSum = this.rowSum(this.cast(kept, 'double'));
      const l = this.b.node('Where', [this.b.node('Equal', [keptSum, this.b.scalarDouble(0)], keptSum.dims, {}, 'bool'), this.b.scalarDouble(1), this.b.node('Div', [total, keptSum], keptSum.dims, {}, 'double')], keptSum.dims, {}, 'double');
      after = this.b.node('Mul', [kept, this.cast(l, 'float32')], flat.dims);
      lambda = this.b.node('Concat', [l, this.b.node('Mul', [l, this.b.scalarDouble(Number.NaN)], l.dims, {}, 'double')], [-1, 2], { axis: 1 }, 'double');
    } else {
      const keepD = this.cast(this.flat(keep), 'double');
      const rd = this.cast(flat, 'double');
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
    const result = this.unflat(after, r);
    this.lambdaByResult.set(result.name, { lambda, mode });
    return { after: result, lambda: this.cast(lambda, 'float32') };
  }

  /**
   * Diagnostics only: float32 sums (the relevance itself is float32) keep this pass cheap. Sign
   * flips of PLRP-λ follow from λ (every kept entry flips when λ < 0, none with per-sign λ), so only
   * PLRP-M compares signs entry by entry.
   */
  pruneStats(before: Sym, after: Sym, keep: Sym): Sym {
    const b = this.b;
    const bf = this.flat(before);
    const af = this.flat(after);
    const kf = this.flat(keep);
    const m = this.size(before);
    const abs = this.absFlat(before);
    const kept = this.rowSum(kf);
    const pruned = b.node('Sub', [b.scalarFloat(m), kept], kept.dims);
    const totalMass = this.rowSum(abs);
    const prunedMass = b.node('Sub', [totalMass, this.rowSum(b.node('Mul', [abs, kf], bf.dims))], kept.dims);
    const lambda = this.lambdaByResult.get(after.name);
    let flips: Sym;
    if (lambda?.mode === 'total') {
      const negative = b.node('Less', [b.node('Slice', [lambda.lambda, b.constInt64([0]), b.constInt64([1]), b.constInt64([1])], [-1, 1], {}, 'double'), b.scalarDouble(0)], kept.dims, {}, 'bool');
      flips = b.node('Where', [negative, kept, b.scalarFloat(0)], kept.dims);
    } else if (lambda) {
      flips = b.node('Mul', [kept, b.scalarFloat(0)], kept.dims);
    } else {
      const flipped = b.node('Less', [b.node('Mul', [bf, af], bf.dims), b.scalarFloat(0)], bf.dims, {}, 'bool');
      flips = this.rowSum(b.node('Mul', [this.cast(flipped, 'float32'), kf], bf.dims));
    }
    const columns = [pruned, kept, prunedMass, totalMass, flips, this.rowSum(bf), this.rowSum(af)];
    if (columns.length !== PRUNE_STATS.length) throw new Error('prune stats columns out of sync');
    return b.node('Concat', columns, [-1, PRUNE_STATS.length], { axis: 1 });
  }
}
