// Orders a length's passing spans for acceptance (./recursive-seqlets): by p-value, and among
// equal p-values by start. The entries arrive in ascending start order, so any stable sort by p
// gives that order.

/** Ranges up to this size use insertion sort: short tracks have a handful of passing starts. */
const INSERTION_MAX = 32;

/** Sorts entries [from, to) of the parallel arrays by p, keeping the ascending start order among equal p. */
export function sortByP(starts: Int32Array, p: Float64Array, from: number, to: number): void {
  if (to - from > INSERTION_MAX) countingSortByP(starts, p, from, to);
  else insertionSortByP(starts, p, from, to);
}

function insertionSortByP(starts: Int32Array, p: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const si = starts[i];
    const pi = p[i];
    let j = i - 1;
    for (; j >= from && p[j] > pi; j--) {
      starts[j + 1] = starts[j];
      p[j + 1] = p[j];
    }
    starts[j + 1] = si;
    p[j + 1] = pi;
  }
}

/**
 * A megabase record has millions of passing spans; a comparator sort of them took seconds. The
 * p-values come from a few tables, so they take few distinct values: the distinct values are
 * sorted natively, each entry finds its value's rank by bisection, and a counting sort by rank
 * (stable) writes the entries back in order.
 */
function countingSortByP(starts: Int32Array, p: Float64Array, from: number, to: number): void {
  const n = to - from;
  const distinct = p.slice(from, to).sort();
  let d = 0;
  for (let i = 0; i < n; i++) if (d === 0 || distinct[i] !== distinct[d - 1]) distinct[d++] = distinct[i];
  const rank = new Int32Array(n);
  const slot = new Int32Array(d + 1);
  for (let i = 0; i < n; i++) {
    const r = lowerBound(distinct, d, p[from + i]);
    rank[i] = r;
    slot[r + 1]++;
  }
  for (let r = 0; r < d; r++) slot[r + 1] += slot[r];
  const sortedStarts = new Int32Array(n);
  const sortedP = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = slot[rank[i]]++;
    sortedStarts[at] = starts[from + i];
    sortedP[at] = p[from + i];
  }
  starts.set(sortedStarts, from);
  p.set(sortedP, from);
}

/** First index in sorted values[0, count) whose value is not below x. */
function lowerBound(values: Float64Array, count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
