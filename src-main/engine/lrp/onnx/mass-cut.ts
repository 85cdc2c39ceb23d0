// The PLRP mass cut (../shared/spec/plrp.md, `mass`) as ONNX nodes: per sample, prune the smallest
// entries whose ascending prefix sums (in double precision) stay within p·Σ. A full sort per row
// (TopK) is what PLRP cost most, so the default finds the cut from a histogram and a sort of the
// one bin where it falls; the full sort remains for models whose opset cannot be raised.
import type { Sym } from './segment-builder';
import { DOUBLE, INT32, INT64, type RowOps } from './row-ops';

/** How the mass threshold is found: a histogram and a small sort (the default), or one full sort per row. */
export type MassCutStrategy = 'histogram' | 'sort';

/** Rows shorter than this are sorted whole: their TopK is cheaper than a histogram. */
const HISTOGRAM_MIN_ENTRIES = 64;
/** ScatterElements with reduction = 'add' (the histogram) is opset 16. */
const HISTOGRAM_OPSET = 16;

/** Histogram bins for rows of m entries: about eight entries per bin (16 … 2048), so the crossing bin holds few. */
function histogramBins(m: number): number {
  return Math.min(2048, Math.max(16, 2 ** Math.ceil(Math.log2(m / 8))));
}

/**
 * x − x·2⁻³⁰ (in double) lies below a float32 x > 0 and above every smaller float32, whose relative
 * spacing is ≥ 2⁻²⁴. Spelled as a subtraction: ONNX Runtime's optimizer drops a Mul by the double
 * 1 − 2⁻³⁰ as a Mul by one (it compares the constant in float32).
 */
const BELOW_FRACTION = 2 ** -30;

export interface MassCut {
  /** Entries the rule does not prune (bool [N, M]); entries outside the group count as not pruned. */
  notPruned: Sym;
  /**
   * Σv of the group and its pruned part ([N, 1] double), when the cut has them without another
   * pass over the row (the histogram does); the statistics use them.
   */
  masses: { total: Sym; pruned: Sym } | null;
}

/**
 * Mass rule on values v ≥ 0 ([N, M]); `inGroup` (bool [N, M]) limits it to some entries (the
 * values of the others must be 0), null means all.
 */
export function massCut(ops: RowOps, v: Sym, inGroup: Sym | null, p: number, strategy: MassCutStrategy = 'histogram'): MassCut {
  const b = ops.b;
  if (p >= 1) {
    // Every prefix is ≤ Σ: all entries go (summing Σ in another order must not keep the largest).
    const none = b.node('Less', [v, b.scalarFloat(Number.NEGATIVE_INFINITY)], v.dims, {}, 'bool');
    return { notPruned: inGroup ? b.node('Not', [inGroup], v.dims, {}, 'bool') : none, masses: null };
  }
  if (strategy === 'histogram' && v.dims[1] >= HISTOGRAM_MIN_ENTRIES && b.allowOpset(HISTOGRAM_OPSET)) return massCutByHistogram(ops, v, inGroup, p);
  const pruned = massPrunedBySort(ops, v, inGroup, p);
  return { notPruned: b.node('Not', [inGroup ? b.node('And', [pruned, inGroup], v.dims, {}, 'bool') : pruned], v.dims, {}, 'bool'), masses: null };
}

/**
 * The mass cut without sorting everything. A histogram of the mass over bins of √(v / max)
 * (monotone in v, so bins hold value ranges in order) finds the bin b* where the prefix crosses
 * T = p·Σ: bins below it are pruned whole, bins above kept whole. Only b*'s entries are sorted
 * (a TopK as long as the largest b* population in the batch, usually a handful of entries), and
 * their prefix sums, started at the mass below b*, give θ exactly as the full sort would.
 */
function massCutByHistogram(ops: RowOps, v: Sym, inGroup: Sym | null, p: number): MassCut {
  const b = ops.b;
  const bins = histogramBins(v.dims[1]);
  // bin = ⌊√(v · (B − ½)² / max)⌋ ∈ [0, B − 1]: ⌊(B − ½)·√(v / max)⌋ up to rounding, monotone in
  // v; the cast to int32 truncates, which is ⌊·⌋ for v ≥ 0.
  const max = ops.rowMax(v);
  const positiveMax = b.node('Where', [b.node('Greater', [max, b.scalarFloat(0)], max.dims, {}, 'bool'), max, b.scalarFloat(1)], max.dims);
  const scale = b.node('Div', [b.scalarFloat((bins - 0.5) ** 2), positiveMax], max.dims);
  const bin = b.node('Cast', [b.node('Sqrt', [b.node('Mul', [v, scale], v.dims)], v.dims)], v.dims, { to: INT32 }, 'int32');
  const rows = b.node('Slice', [b.node('Shape', [v], [2], {}, 'int64'), b.constInt64([0]), b.constInt64([1])], [1], {}, 'int64');
  const histogramShape = b.node('Concat', [rows, b.constInt64([bins])], [2], { axis: 0 }, 'int64');
  const empty = b.node('Expand', [b.scalarDouble(0), histogramShape], [-1, bins], {}, 'double');
  const vd = ops.cast(v, 'double');
  const histogram = b.node('ScatterElements', [empty, bin, vd], empty.dims, { axis: 1, reduction: 'add' }, 'double');
  const cumulative = b.node('CumSum', [histogram, b.constInt64([1])], empty.dims, {}, 'double');
  const total = b.node('Slice', [cumulative, b.constInt64([bins - 1]), b.constInt64([bins]), b.constInt64([1])], [-1, 1], {}, 'double');
  const budget = ops.scaleRows(total, p);
  // The bins that fit whole; the next one (if any) is where the prefix crosses the budget.
  const wholeBins = ops.rowSum(ops.cast(ops.notGreater(cumulative, budget), 'double'));
  const massBelow = ops.valueBefore(cumulative, wholeBins, 0);
  const crossingBin = b.node('Cast', [wholeBins], wholeBins.dims, { to: INT32 }, 'int32');
  let inCrossingBin = b.node('Equal', [bin, crossingBin], v.dims, {}, 'bool');
  if (inGroup) inCrossingBin = b.node('And', [inCrossingBin, inGroup], v.dims, {}, 'bool');
  const candidates = b.node('Where', [inCrossingBin, v, b.scalarFloat(Number.POSITIVE_INFINITY)], v.dims);
  const population = ops.rowSum(ops.cast(inCrossingBin, 'float32'));
  const largest = b.node('Reshape', [ops.rowMax(b.node('Reshape', [population, b.constInt64([1, -1])], [1, -1])), b.constInt64([1])], [1]);
  const k = b.node('Cast', [b.node('Max', [largest, b.scalarFloat(1)], [1])], [1], { to: INT64 }, 'int64');
  const sorted = b.node('Cast', [b.node2('TopK', [candidates, k], [[-1, -1], [-1, -1]], ['float32', 'int64'], { axis: 1, largest: 0, sorted: 1 })[0]], [-1, -1], { to: DOUBLE }, 'double');
  const prefix = b.node('Add', [massBelow, b.node('CumSum', [sorted, b.constInt64([1])], sorted.dims, {}, 'double')], sorted.dims, {}, 'double');
  const fits = ops.rowSum(ops.cast(ops.notGreater(prefix, budget), 'double'));
  const maxD = ops.cast(max, 'double');
  const t = cutThreshold(ops, sorted, fits, maxD);
  let notPruned = b.node('Greater', [vd, t], v.dims, {}, 'bool');
  if (inGroup) notPruned = b.node('Or', [notPruned, b.node('Not', [inGroup], v.dims, {}, 'bool')], v.dims, {}, 'bool');
  // Pruned mass: the lower bins, plus b*'s entries up to t (the +∞ padding of the sort never counts).
  const cap = b.node('Min', [t, maxD], t.dims, {}, 'double');
  const prunedInBin = ops.rowSum(b.node('Where', [ops.notGreater(sorted, cap), sorted, b.scalarDouble(0)], sorted.dims, {}, 'double'));
  return { notPruned, masses: { total, pruned: b.node('Add', [massBelow, prunedInBin], total.dims, {}, 'double') } };
}

/**
 * One threshold t for the cut (prune v ≤ t), from b*'s entries sorted ascending (+∞ padded) and how
 * many of them fit. With fits ≥ 1, t = θ = sorted[fits − 1]: bins rise with v, so lower bins hold
 * smaller values and higher bins larger ones. With fits = 0 the lower bins go whole, i.e. every v
 * below b*'s smallest: t is a double just under it. An empty b* (Σ = 0: every bin fits) leaves
 * sorted[0] = +∞ and t = +∞, which prunes the whole group; the step under sorted[0] is taken from
 * min(sorted[0], max) so that ∞ − ∞ never makes a NaN.
 */
function cutThreshold(ops: RowOps, sorted: Sym, fits: Sym, maxD: Sym): Sym {
  const b = ops.b;
  const first = b.node('Slice', [sorted, b.constInt64([0]), b.constInt64([1]), b.constInt64([1])], [-1, 1], {}, 'double');
  const step = b.node('Mul', [b.node('Min', [first, maxD], first.dims, {}, 'double'), b.scalarDouble(BELOW_FRACTION)], first.dims, {}, 'double');
  const belowFirst = b.node('Sub', [first, step], first.dims, {}, 'double');
  const some = b.node('Greater', [fits, b.scalarDouble(0)], fits.dims, {}, 'bool');
  const theta = ops.gatherAt(sorted, b.node('Sub', [fits, b.scalarDouble(1)], fits.dims, {}, 'double'));
  return b.node('Where', [some, theta, belowFirst], fits.dims, {}, 'double');
}

/**
 * The mass cut by the definition: sort every row ascending (TopK), prefix sums in double, the
 * cut where the prefix exceeds p·Σ. For models whose opset cannot take the histogram's
 * ScatterElements reduction; entries outside the group sort last as +∞.
 */
function massPrunedBySort(ops: RowOps, v: Sym, inGroup: Sym | null, p: number): Sym {
  const b = ops.b;
  const m = v.dims[1];
  const values = inGroup ? b.node('Where', [inGroup, v, b.scalarFloat(Number.POSITIVE_INFINITY)], v.dims) : v;
  const sorted = ops.sortAscending(values);
  const prefix = b.node('CumSum', [ops.cast(sorted, 'double'), b.constInt64([1])], v.dims, {}, 'double');
  // Σ is the prefix at the group's last entry, summed in sorted order like the prefixes.
  const total = inGroup
    ? ops.valueBefore(prefix, ops.rowSum(ops.cast(inGroup, 'double')), 0)
    : b.node('Slice', [prefix, b.constInt64([m - 1]), b.constInt64([m]), b.constInt64([1])], [-1, 1], {}, 'double');
  const budget = ops.scaleRows(total, p);
  const fits = ops.rowSum(ops.cast(ops.notGreater(prefix, budget), 'double'));
  return ops.notGreater(v, ops.valueBefore(sorted, fits, -1));
}
