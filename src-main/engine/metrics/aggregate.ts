// Summary of a per-sequence metric over a run: mean, median and interquartile range (the spread
// the paper's box plots show), plus the standard deviation and the count. Nulls (a metric undefined
// for that sequence, e.g. RMA without ground truth) and non-finite values are left out, and the
// count says how many remained.

export interface Summary {
  n: number;
  mean: number;
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  min: number;
  max: number;
}

/** Linear-interpolation quantile of sorted values (NumPy's default, "type 7"). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** null when no value is defined. */
export function aggregate(values: ReadonlyArray<number | null | undefined>): Summary | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(xs).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) ** 2;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    n,
    mean,
    median: quantile(sorted, 0.5),
    q1,
    q3,
    iqr: q3 - q1,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    min: sorted[0],
    max: sorted[n - 1],
  };
}
