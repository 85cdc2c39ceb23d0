// Row-wise helpers for the generated PLRP nodes: every pruning tensor is handled as [N, M] (a
// sample per row), and these wrap the ONNX spellings that change between opsets.
import type { SegmentBuilder, Sym } from './segment-builder';

export const FLOAT = 1;
export const DOUBLE = 11;
export const INT32 = 6;
export const INT64 = 7;

export class RowOps {
  constructor(readonly b: SegmentBuilder) {}

  /** Entries per sample. */
  size(x: Sym): number {
    return x.dims.slice(1).reduce((a, d) => a * d, 1);
  }

  flat(x: Sym): Sym {
    const m = this.size(x);
    return this.b.node('Reshape', [x, this.b.constInt64([-1, m])], [-1, m], {}, x.dtype);
  }

  unflat(x: Sym, like: Sym): Sym {
    return this.b.node('Reshape', [x, this.b.constInt64([-1, ...like.dims.slice(1)])], like.dims, {}, x.dtype);
  }

  cast(x: Sym, to: 'float32' | 'double'): Sym {
    return this.b.node('Cast', [x], x.dims, { to: to === 'double' ? DOUBLE : FLOAT }, to);
  }

  /** Σ over the last axis, keepdims ([N, M] → [N, 1]); ReduceSum takes its axes as input from opset 13. */
  rowSum(x: Sym): Sym {
    const dims = [x.dims[0], 1];
    return this.b.opset >= 13
      ? this.b.node('ReduceSum', [x, this.b.constInt64([1])], dims, { keepdims: 1 }, x.dtype)
      : this.b.node('ReduceSum', [x], dims, { axes: [1], keepdims: 1 }, x.dtype);
  }

  /** Σ|x| over the last axis, keepdims, in one pass (ReduceL1 takes its axes as input from opset 18). */
  rowL1(x: Sym): Sym {
    const dims = [x.dims[0], 1];
    return this.b.opset >= 18
      ? this.b.node('ReduceL1', [x, this.b.constInt64([1])], dims, { keepdims: 1 }, x.dtype)
      : this.b.node('ReduceL1', [x], dims, { axes: [1], keepdims: 1 }, x.dtype);
  }

  /** Max over the last axis, keepdims ([N, M] → [N, 1]); ReduceMax takes `axes` as an attribute until opset 18. */
  rowMax(x: Sym): Sym {
    const dims = [x.dims[0], 1];
    return this.b.opset >= 18
      ? this.b.node('ReduceMax', [x, this.b.constInt64([1])], dims, { keepdims: 1 }, x.dtype)
      : this.b.node('ReduceMax', [x], dims, { axes: [1], keepdims: 1 }, x.dtype);
  }

  /**
   * x · c for a [N, 1] double x, rounded once like the product itself. ONNX Runtime's optimizer
   * drops a Mul by a constant within 1e-5 (relative) of 1 as a no-op, also at rank 2, so a budget
   * p·Σ with p = 0.99999999 became Σ; a MatMul by the [1, 1] matrix [c] is the same product and is
   * left alone.
   */
  scaleRows(x: Sym, c: number): Sym {
    return this.b.node('MatMul', [x, this.b.constDouble([c], [1, 1])], x.dims, {}, 'double');
  }

  notGreater(a: Sym, c: Sym | string): Sym {
    return this.b.node('Not', [this.b.node('Greater', [a, c], a.dims, {}, 'bool')], a.dims, {}, 'bool');
  }

  sortAscending(v: Sym): Sym {
    const m = v.dims[1];
    return this.b.node2('TopK', [v, this.b.constInt64([m])], [v.dims, v.dims], [v.dtype, 'int64'], { axis: 1, largest: 0, sorted: 1 })[0];
  }

  /** Row-wise x[:, index] for a [N, 1] double index (clamped at 0). */
  gatherAt(x: Sym, index: Sym): Sym {
    const i = this.b.node('Cast', [this.b.node('Max', [index, this.b.scalarDouble(0)], index.dims, {}, 'double')], index.dims, { to: INT64 }, 'int64');
    return this.b.node('GatherElements', [x, i], index.dims, { axis: 1 }, x.dtype);
  }

  /** Row-wise x[:, count − 1], or `none` where count is 0 ([N, 1] result; count a [N, 1] double). */
  valueBefore(x: Sym, count: Sym, none: number): Sym {
    const some = this.b.node('Greater', [count, this.b.scalarDouble(0)], count.dims, {}, 'bool');
    const at = this.gatherAt(x, this.b.node('Sub', [count, this.b.scalarDouble(1)], count.dims, {}, 'double'));
    return this.b.node('Where', [some, at, x.dtype === 'double' ? this.b.scalarDouble(none) : this.b.scalarFloat(none)], count.dims, {}, x.dtype);
  }
}
