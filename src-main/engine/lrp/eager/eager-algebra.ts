// The reference backend: every algebra operation as plain TypeScript loops over Float32Arrays.
// Slow but readable; tests use it as the oracle for the ONNX Runtime backend.
import type { Algebra, HostArray, HostStep, PoolGeometry } from '../algebra';
import { conv1d, conv1dTranspose } from './conv1d';
import { numel } from '../../onnx/host-tensor';
import { transposeArray } from './transpose-array';
import { keepMask } from '../../plrp/keep-mask';
import { lambdaValues, redistributeLambda } from '../../plrp/lambda';
import { pruneStatsOnHost } from '../../plrp/prune-stats';

/** Applies `f` to each sample of x (batch axis first) and stacks the results. */
function perSample(x: Eager, f: (sample: Float32Array, b: number) => Float32Array): Eager {
  const n = x.dims[0];
  const size = x.data.length / n;
  const out = new Float32Array(x.data.length);
  for (let b = 0; b < n; b++) out.set(f(x.data.subarray(b * size, (b + 1) * size), b), b * size);
  return { dims: x.dims, data: out };
}

export type Eager = HostArray;

function map(x: Eager, f: (v: number) => number): Eager {
  const out = new Float32Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(x.data[i]);
  return { dims: x.dims, data: out };
}

function zip(a: Eager, b: Eager, f: (u: number, v: number) => number): Eager {
  if (a.data.length !== b.data.length) throw new Error(`eager: shape mismatch [${a.dims}] vs [${b.dims}]`);
  const out = new Float32Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(a.data[i], b.data[i]);
  return { dims: a.dims, data: out };
}

/** An eager algebra whose observed tensors land in `observed`. */
export function createEagerAlgebra(observed = new Map<string, Eager>()): Algebra<Eager> & { observed: Map<string, Eager> } {
  return { ...eagerOps, observed, observe: (key, x) => void observed.set(key, x) };
}

const eagerOps: Omit<Algebra<Eager>, 'observe'> = {
  dims: (x) => x.dims,
  linear(x, p) {
    if (p.layer === 'conv') {
      const [n, cIn, lIn] = x.dims;
      const cOut = p.weight.dims[0];
      const { data, lOut } = conv1d(x.data, n, cIn, lIn, p.weight.data as Float32Array, cOut, p.bias, p.conv!);
      return { dims: [n, cOut, lOut], data };
    }
    const [inF, outF] = p.weight.dims;
    const rows = x.data.length / inF;
    const out = new Float32Array(rows * outF);
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < outF; o++) {
        let acc = p.bias ? p.bias[o] : 0;
        for (let i = 0; i < inF; i++) acc += x.data[r * inF + i] * p.weight.data[i * outF + o];
        out[r * outF + o] = acc;
      }
    }
    return { dims: [...x.dims.slice(0, -1), outF], data: out };
  },
  linearT(s, p, inputLike) {
    if (p.layer === 'conv') {
      const [n, cOut, lOut] = s.dims;
      const [, cIn, lIn] = inputLike.dims;
      return { dims: inputLike.dims, data: conv1dTranspose(s.data, n, cOut, lOut, p.weight.data as Float32Array, cIn, lIn, p.conv!) };
    }
    const [inF, outF] = p.weight.dims;
    const rows = s.data.length / outF;
    const out = new Float32Array(rows * inF);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < inF; i++) {
        let acc = 0;
        for (let o = 0; o < outF; o++) acc += s.data[r * outF + o] * p.weight.data[i * outF + o];
        out[r * inF + i] = acc;
      }
    }
    return { dims: inputLike.dims, data: out };
  },
  add: (a, b) => zip(a, b, (u, v) => u + v),
  sub: (a, b) => zip(a, b, (u, v) => u - v),
  mul: (a, b) => zip(a, b, (u, v) => u * v),
  div: (a, b) => zip(a, b, (u, v) => u / v),
  scale: (x, c) => map(x, (v) => v * c),
  pos: (x) => map(x, (v) => (v > 0 ? v : 0)),
  neg: (x) => map(x, (v) => (v < 0 ? v : 0)),
  stab: (x, eps) => map(x, (v) => v + (v >= 0 ? eps : -eps)),
  stabNonNegative: (x, eps) => map(x, (v) => v + eps),
  gtZero: (x) => map(x, (v) => (v > 0 ? 1 : 0)),
  ltZero: (x) => map(x, (v) => (v < 0 ? 1 : 0)),
  fillLike: (x, value) => ({ dims: x.dims, data: new Float32Array(x.data.length).fill(value) }),
  reshape: (x, dimsNoBatch) => ({ dims: [x.dims[0], ...dimsNoBatch], data: x.data }),
  transpose: (x, perm) => transposeArray(x, perm),
  slice(x, axis, start, end) {
    const outer = numel(x.dims.slice(0, axis));
    const len = x.dims[axis];
    const inner = numel(x.dims.slice(axis + 1));
    const keep = end - start;
    const out = new Float32Array(outer * keep * inner);
    for (let o = 0; o < outer; o++) out.set(x.data.subarray((o * len + start) * inner, (o * len + end) * inner), o * keep * inner);
    const dims = [...x.dims];
    dims[axis] = keep;
    return { dims, data: out };
  },
  pad(x, axis, before, after) {
    const outer = numel(x.dims.slice(0, axis));
    const len = x.dims[axis];
    const inner = numel(x.dims.slice(axis + 1));
    const total = len + before + after;
    const out = new Float32Array(outer * total * inner);
    for (let o = 0; o < outer; o++) out.set(x.data.subarray(o * len * inner, (o + 1) * len * inner), (o * total + before) * inner);
    const dims = [...x.dims];
    dims[axis] = total;
    return { dims, data: out };
  },
  concat(xs, axis) {
    const outer = numel(xs[0].dims.slice(0, axis));
    const inner = numel(xs[0].dims.slice(axis + 1));
    const total = xs.reduce((s, x) => s + x.dims[axis], 0);
    const out = new Float32Array(outer * total * inner);
    let offset = 0;
    for (const x of xs) {
      const len = x.dims[axis];
      for (let o = 0; o < outer; o++) out.set(x.data.subarray(o * len * inner, (o + 1) * len * inner), (o * total + offset) * inner);
      offset += len;
    }
    const dims = [...xs[0].dims];
    dims[axis] = total;
    return { dims, data: out };
  },
  maxPoolRoute(r, a, pool: PoolGeometry) {
    const [n, c, lIn] = a.dims;
    const lOut = r.dims[2];
    const out = new Float32Array(a.data.length);
    for (let b = 0; b < n * c; b++) {
      for (let j = 0; j < lOut; j++) {
        let best = -1;
        let bestV = -Infinity;
        for (let t = 0; t < pool.kernel; t++) {
          const i = j * pool.strides - pool.pads[0] + t * pool.dilations;
          if (i < 0 || i >= lIn) continue;
          const v = a.data[b * lIn + i];
          if (v > bestV) { bestV = v; best = i; } // strict: ties go to the first position
        }
        if (best >= 0) out[b * lIn + best] += r.data[b * lOut + j];
      }
    }
    return { dims: a.dims, data: out };
  },
  keepMask: (r, p, mode) => perSample(r, (s) => keepMask(s, p, mode)),
  redistributeLambda(r, keep, mode) {
    const n = r.dims[0];
    const size = r.data.length / n;
    const lambda = new Float32Array(n * 2);
    const after = perSample(r, (s, b) => {
      const k = keep.data.subarray(b * size, (b + 1) * size);
      const l = lambdaValues(s, k, mode);
      lambda.set(mode === 'total' ? [l.lambda!, Number.NaN] : [l.lambdaPos!, l.lambdaNeg!], b * 2);
      return redistributeLambda(s, k, mode);
    });
    return { after, lambda: { dims: [n, 2], data: lambda } };
  },
  pruneStats: (before, after, keep) => pruneStatsOnHost(before, after, keep),
  host(step: HostStep, inputs) {
    return step(inputs);
  },
};
