// The PLRP mass cut (../shared/spec/plrp.md, `mass`) as ONNX nodes: per sample, prune the smallest
// entries whose ascending prefix sums (in double precision) stay within p·Σ. A full sort per row
// (TopK) is what PLRP cost most, so the default finds the cut from a histogram and a sort of the
// one bin where it falls; the full sort remains for models whose opset cannot be raised.
import type { Sym } from './segment-builder';
import { INT32, INT64, type RowOps } from './row-ops';

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
 * Mass rule on values v ≥ 0 ([N, M]); `inGroup` (bool [N, M]) limits it to some entries (the
 * values of the others must be 0), null means all. Returns the pruned entries (bool [N, M]).
 */
export function massPruned(ops: RowOps, v: Sym, inGroup: Sym | null, p: number, strategy: MassCutStrategy = 'histogram'): Sym {
  if (p >= 1) {
    // Every prefix is ≤ Σ: all entries go (summing Σ in another order must not keep the largest).
    return inGroup ?? ops.b.node('Not', [ops.b.node('Less', [v, ops.b.scalarFloat(Number.NEGATIVE_INFINITY)], v.dims, {}, 'bool')], v.dims, {}, 'bool');
  }
  const useHistogram = strategy === 'histogram' && v.dims[1] >= HISTOGRAM_MIN_ENTRIES && ops.b.allowOpset(HISTOGRAM_OPSET);
  const pruned = useHistogram ? massPrunedByHistogram(ops, v, inGroup, p) : massPrunedBySort(ops, v, inGroup, p);
  return inGroup ? ops.b.node('And', [pruned, inGroup], v.dims, {}, 'bool') : pruned;
}

/**
 * The mass cut without sorting everything. A histogram of the mass over bins of √(v / max)
 * (monotone in v, so bins hold value ranges in order) finds the bin b* where the prefix crosses
 * T = p·Σ: bins below it are pruned whole, bins above kept whole. Only b*'s entries are sorted
 * (a TopK as long as the largest b* population in the batch, usually a handful of entries), and
 * their prefix sums, started at the mass below b*, give θ exactly as the full sort would.
 */
function massPrunedByHistogram(ops: RowOps, v: Sym, inGroup: Sym | null, p: number): Sym {
  const b = ops.b;
  const bins = histogramBins(v.dims[1]);
  // bin = ⌊√(v · (B − ½)² / max)⌋ ∈ [0, B − 1]: ⌊(B − ½)·√(v / max)⌋ up to rounding, monotone in v.
  const max = ops.rowMax(v);
  const positiveMax = b.node('Where', [b.node('Greater', [max, b.scalarFloat(0)], max.dims, {}, 'bool'), max, b.scalarFloat(1)], max.dims);
  const scale = b.node('Div', [b.scalarFloat((bins - 0.5) ** 2), positiveMax], max.dims);
  const bin = b.node('Floor', [b.node('Sqrt', [b.node('Mul', [v, scale], v.dims)], v.dims)], v.dims);
  const rows = b.node('Slice', [b.node('Shape', [v], [2], {}, 'int64'), b.constInt64([0]), b.constInt64([1])], [1], {}, 'int64');
  const histogramShape = b.node('Concat', [rows, b.constInt64([bins])], [2], { axis: 0 }, 'int64');
  const empty = b.node('Expand', [b.scalarDouble(0), histogramShape], [-1, bins], {}, 'double');
  const binIndex = b.node('Cast', [bin], v.dims, { to: INT32 }, 'int32');
  const histogram = b.node('ScatterElements', [empty, binIndex, ops.cast(v, 'double')], empty.dims, { axis: 1, reduction: 'add' }, 'double');
  const cumulative = b.node('CumSum', [histogram, b.constInt64([1])], empty.dims, {}, 'double');
  const total = b.node('Slice', [cumulative, b.constInt64([bins - 1]), b.constInt64([bins]), b.constInt64([1])], [-1, 1], {}, 'double');
  const budget = b.node('Mul', [total, b.scalarDouble(p)], total.dims, {}, 'double');
  // The bins that fit whole; the next one (if any) is where the prefix crosses the budget.
  const wholeBins = ops.rowSum(ops.cast(ops.notGreater(cumulative, budget), 'double'));
  const massBelow = ops.valueBefore(cumulative, wholeBins, 0);
  const crossingBin = ops.cast(wholeBins, 'float32');
  let inCrossingBin = b.node('Equal', [bin, crossingBin], v.dims, {}, 'bool');
  if (inGroup) inCrossingBin = b.node('And', [inCrossingBin, inGroup], v.dims, {}, 'bool');
  const candidates = b.node('Where', [inCrossingBin, v, b.scalarFloat(Number.POSITIVE_INFINITY)], v.dims);
  const population = ops.rowSum(ops.cast(inCrossingBin, 'float32'));
  const largest = b.node('Reshape', [ops.rowMax(b.node('Reshape', [population, b.constInt64([1, -1])], [1, -1])), b.constInt64([1])], [1]);
  const k = b.node('Cast', [b.node('Max', [largest, b.scalarFloat(1)], [1])], [1], { to: INT64 }, 'int64');
  const sorted = b.node2('TopK', [candidates, k], [[-1, -1], [-1, -1]], ['float32', 'int64'], { axis: 1, largest: 0, sorted: 1 })[0];
  const prefix = b.node('Add', [massBelow, b.node('CumSum', [ops.cast(sorted, 'double'), b.constInt64([1])], sorted.dims, {}, 'double')], sorted.dims, {}, 'double');
  const fits = ops.rowSum(ops.cast(ops.notGreater(prefix, budget), 'double'));
  const theta = ops.valueBefore(sorted, fits, -1);
  return b.node('Or', [b.node('Less', [bin, crossingBin], v.dims, {}, 'bool'), ops.notGreater(v, theta)], v.dims, {}, 'bool');
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
  const budget = b.node('Mul', [total, b.scalarDouble(p)], total.dims, {}, 'double');
  const fits = ops.rowSum(ops.cast(ops.notGreater(prefix, budget), 'double'));
  return ops.notGreater(v, ops.valueBefore(sorted, fits, -1));
}
