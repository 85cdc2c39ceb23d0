// MaxPool's winner-takes-all routing for small non-overlapping windows, without the argmax.
// A MaxPool that also returns Indices cannot use ONNX Runtime's blocked (NCHWc) kernel, and with
// MaxUnpool it cost several times the forward pool (deep-multitask: 15 of 43 ms per 256
// sequences). Here the forward pool stays as it is, and each window's relevance goes to its first
// position that equals the pooled maximum: k − 1 comparisons on strided slices, each passing the
// relevance not yet placed on to the next position.
import type { PoolGeometry } from '../algebra';
import type { SegmentBuilder, Sym } from './segment-builder';

/** Windows up to this size are routed by comparisons; larger ones (e.g. a pool of 25) by MaxUnpool. */
const MAX_COMPARED_WINDOW = 4;

/** Non-overlapping, unpadded windows of at most MAX_COMPARED_WINDOW positions, floor mode. */
export function smallWindowsApply(a: Sym, r: Sym, pool: PoolGeometry): boolean {
  const k = pool.kernel;
  return k === pool.strides && k >= 2 && k <= MAX_COMPARED_WINDOW && pool.pads[0] === 0 && pool.pads[1] === 0
    && a.dims.length === 3 && a.dims[2] > 0 && r.dims[2] === Math.floor(a.dims[2] / k);
}

/**
 * Relevance `r` [N, C, L/k] routed into `a`'s shape [N, C, L]: position j of a window takes what is
 * left of the window's relevance when a_j equals the maximum (so ties go to the first position,
 * as in the reference), the last position takes the rest. Every routed value is r or 0, exactly;
 * positions past the last whole window get 0.
 */
export function routeSmallWindows(b: SegmentBuilder, r: Sym, a: Sym, pooled: Sym, k: number): Sym {
  const [, c, l] = a.dims;
  const windows = r.dims[2];
  const cols: Sym[] = [];
  let rest = r;
  for (let j = 0; j < k - 1; j++) {
    const aj = b.node('Slice', [a, b.constInt64([j]), b.constInt64([j + windows * k]), b.constInt64([2]), b.constInt64([k])], r.dims);
    const isMax = b.node('Cast', [b.node('Equal', [aj, pooled], r.dims, {}, 'bool')], r.dims, { to: 1 });
    const taken = b.node('Mul', [rest, isMax], r.dims);
    cols.push(taken);
    rest = b.node('Sub', [rest, taken], r.dims);
  }
  cols.push(rest);
  // Interleave: [N, C, L/k, k] → [N, C, L/k·k], then zeros for the unpooled tail.
  const unsqueezed = cols.map((x) => b.node('Reshape', [x, b.constInt64([0, c, windows, 1])], [-1, c, windows, 1]));
  const stacked = b.node('Concat', unsqueezed, [-1, c, windows, k], { axis: 3 });
  const routed = b.node('Reshape', [stacked, b.constInt64([0, c, windows * k])], [-1, c, windows * k]);
  if (windows * k === l) return routed;
  return b.node('Pad', [routed, b.constInt64([0, 0, 0, 0, 0, l - windows * k])], a.dims);
}
