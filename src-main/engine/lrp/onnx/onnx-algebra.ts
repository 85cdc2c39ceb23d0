// The symbolic algebra: each operation appends ONNX nodes to the segment being built, so the rules
// run on onnxruntime's native kernels. Transposed convolutions with stride 1 are emitted as a Conv
// with transposed, flipped weights: ORT's CPU ConvTranspose measured about twice as slow.
import type { Algebra, PoolGeometry } from '../algebra';
import type { LinearParams } from '../../model/linear-params';
import { convOutputLength } from '../eager/conv1d';
import { maxPoolRouteOnHost } from './max-pool-host';
import type { SegmentBuilder, Sym } from './segment-builder';
import { OnnxPruning } from './onnx-pruning';
import { NativePruning } from './native-pruning';
import { phaseAdjoint, phaseAdjointApplies } from './phase-adjoint';
import { conv2dAttrs, FROM_HEIGHT_ONE, TO_HEIGHT_ONE } from '../../runtime/conv2d-rewrite';

const flippedCache = new WeakMap<Float32Array, Float32Array>();
const transposedCache = new WeakMap<Float32Array, Float32Array>();

/** Conv weight [C_out, C_in/g, k] → weight of the adjoint as a Conv: [C_in, C_out/g, k], flipped in k. */
function flippedTransposed(p: LinearParams): Float32Array {
  const w = p.weight.data as Float32Array;
  let out = flippedCache.get(w);
  if (out) return out;
  const [cOut, cInG, k] = p.weight.dims;
  const g = p.conv!.group;
  const cOutG = cOut / g;
  out = new Float32Array(w.length);
  for (let grp = 0; grp < g; grp++) {
    for (let co = 0; co < cOutG; co++) {
      for (let ci = 0; ci < cInG; ci++) {
        for (let t = 0; t < k; t++) {
          const src = ((grp * cOutG + co) * cInG + ci) * k + t;
          const dst = ((grp * cInG + ci) * cOutG + co) * k + (k - 1 - t);
          out[dst] = w[src];
        }
      }
    }
  }
  flippedCache.set(w, out);
  return out;
}

function denseTransposed(p: LinearParams): Float32Array {
  const w = p.weight.data as Float32Array;
  let out = transposedCache.get(w);
  if (out) return out;
  const [inF, outF] = p.weight.dims;
  out = new Float32Array(w.length);
  for (let i = 0; i < inF; i++) for (let o = 0; o < outF; o++) out[o * inF + i] = w[i * outF + o];
  transposedCache.set(w, out);
  return out;
}

/**
 * A 1-D convolution emitted as a 2-D one of height 1 (see ../../runtime/conv2d-rewrite: ORT's
 * NCHWc kernels are about twice as fast), from [N, C, L] to [N, C_out, L_out].
 */
function conv1dAs2d(b: SegmentBuilder, x: Sym, weight: Float32Array, dims3: number[], bias: Float32Array | null, g: { kernel: number; strides: number; pads: [number, number]; dilations: number; group: number }, outDims: number[]): Sym {
  const x4 = b.node('Reshape', [x, b.constInt64(TO_HEIGHT_ONE)], [x.dims[0], x.dims[1], 1, x.dims[2]]);
  const ins: (Sym | string)[] = [x4, b.constFloat(weight, [dims3[0], dims3[1], 1, dims3[2]])];
  if (bias) ins.push(b.constFloat(bias, [bias.length]));
  const y4 = b.node('Conv', ins, [outDims[0], outDims[1], 1, outDims[2]], conv2dAttrs(g.kernel, g.strides, g.pads, g.dilations, g.group));
  return b.node('Reshape', [y4, b.constInt64(FROM_HEIGHT_ONE)], outDims);
}

/** `bias + extra` per output channel (the bias itself when extra is 0; null stays null). */
function biasPlus(bias: Float32Array | null, extra: number, channels: number): Float32Array | null {
  if (extra === 0) return bias;
  const out = new Float32Array(channels).fill(extra);
  if (bias) for (let c = 0; c < channels; c++) out[c] += bias[c];
  return out;
}

/**
 * `nativeThreads`: prune and route through MaxPool with the native kernels
 * (../../runtime/native-kernels.ts), splitting samples between this many threads.
 */
export function createOnnxAlgebra(b: SegmentBuilder, nativeThreads: number | null = null): Algebra<Sym> {
  const bin = (op: string) => (x: Sym, y: Sym) => b.node(op, [x, y], x.dims);
  const withScalar = (op: string, x: Sym, v: number) => b.node(op, [x, b.scalarFloat(v)], x.dims);
  const pruning = nativeThreads === null ? new OnnxPruning(b) : new NativePruning(b, nativeThreads);
  // Convolution outputs → the same convolution with a constant added to its bias: a stabiliser
  // z + ε then rides in the Conv instead of costing an Add over the whole output (the first
  // Conv is left unused, and the builder drops unused nodes).
  const withAddedBias = new Map<string, (extra: number) => Sym>();
  const alg: Algebra<Sym> = {
    dims: (x) => x.dims,
    linear(x, p) {
      if (p.layer === 'conv') {
        const g = p.conv!;
        const outDims = [x.dims[0], p.weight.dims[0], convOutputLength(x.dims[2], g)];
        const build = (extra: number) => conv1dAs2d(b, x, p.weight.data as Float32Array, p.weight.dims, biasPlus(p.bias, extra, outDims[1]), g, outDims);
        const y = build(0);
        withAddedBias.set(y.name, build);
        return y;
      }
      const [inF, outF] = p.weight.dims;
      const dims = [...x.dims.slice(0, -1), outF];
      const y = b.node('MatMul', [x, b.constFloat(p.weight.data as Float32Array, [inF, outF])], dims);
      return p.bias ? b.node('Add', [y, b.constFloat(p.bias, [outF])], dims) : y;
    },
    linearT(s, p, inputLike) {
      if (p.layer === 'conv') {
        const g = p.conv!;
        const reach = g.dilations * (g.kernel - 1);
        const [cOut, cInG] = p.weight.dims;
        const cIn = cInG * g.group;
        const lIn = inputLike.dims[2];
        if (phaseAdjointApplies(p)) return phaseAdjoint(b, s, p, inputLike);
        if (g.strides === 1 && g.pads[0] <= reach && g.pads[1] <= reach) {
          const w = flippedTransposed(p);
          return conv1dAs2d(b, s, w, [cIn, cOut / g.group, g.kernel], null, { ...g, strides: 1, pads: [reach - g.pads[0], reach - g.pads[1]] }, inputLike.dims);
        }
        const natural = (s.dims[2] - 1) * g.strides - g.pads[0] - g.pads[1] + reach + 1;
        return b.node('ConvTranspose', [s, b.constFloat(p.weight.data as Float32Array, p.weight.dims)], inputLike.dims, {
          kernel_shape: [g.kernel], strides: [g.strides], pads: [g.pads[0], g.pads[1]], dilations: [g.dilations], group: g.group,
          output_padding: [lIn - natural],
        });
      }
      const [inF, outF] = p.weight.dims;
      return b.node('MatMul', [s, b.constFloat(denseTransposed(p), [outF, inF])], inputLike.dims);
    },
    add: bin('Add'),
    sub: bin('Sub'),
    mul: bin('Mul'),
    div: bin('Div'),
    scale: (x, c) => (c === 1 ? x : withScalar('Mul', x, c)),
    pos: (x) => b.node('Relu', [x], x.dims),
    neg: (x) => withScalar('Min', x, 0),
    stab(x, eps) {
      // x + ε·sign(x) with sign(0) = +1: add −ε where x < 0, +ε elsewhere.
      const isNeg = b.node('Less', [x, b.scalarFloat(0)], x.dims);
      const shift = b.node('Where', [isNeg, b.scalarFloat(-eps), b.scalarFloat(eps)], x.dims);
      return b.node('Add', [x, shift], x.dims);
    },
    stabNonNegative: (x, eps) => withAddedBias.get(x.name)?.(eps) ?? b.node('Add', [x, b.scalarFloat(eps)], x.dims),
    gtZero: (x) => b.node('Cast', [b.node('Greater', [x, b.scalarFloat(0)], x.dims)], x.dims, { to: 1 }),
    ltZero: (x) => b.node('Cast', [b.node('Less', [x, b.scalarFloat(0)], x.dims)], x.dims, { to: 1 }),
    fillLike(x, value) {
      const shape = b.node('Shape', [x], [x.dims.length], {}, 'int64');
      return b.node('Expand', [b.scalarFloat(value), shape], x.dims);
    },
    reshape: (x, dimsNoBatch) => b.node('Reshape', [x, b.constInt64([-1, ...dimsNoBatch])], [x.dims[0], ...dimsNoBatch]),
    transpose: (x, perm) => b.node('Transpose', [x], perm.map((p) => x.dims[p]), { perm }),
    slice(x, axis, start, end) {
      const dims = [...x.dims];
      dims[axis] = end - start;
      return b.node('Slice', [x, b.constInt64([start]), b.constInt64([end]), b.constInt64([axis])], dims);
    },
    pad(x, axis, before, after) {
      const rank = x.dims.length;
      const pads = new Array<number>(2 * rank).fill(0);
      pads[axis] = before;
      pads[axis + rank] = after;
      const dims = [...x.dims];
      dims[axis] += before + after;
      return b.node('Pad', [x, b.constInt64(pads)], dims);
    },
    concat(xs, axis) {
      const dims = [...xs[0].dims];
      dims[axis] = xs.reduce((s, x) => s + x.dims[axis], 0);
      return b.node('Concat', xs, dims, { axis });
    },
    maxPoolRoute(r, a, pool: PoolGeometry, poolOutput?: string) {
      if (nativeThreads !== null) {
        // The native kernel finds each window's first maximum again from the pool's input, so the
        // forward MaxPool keeps its fast (NCHWc) kernel, which has no indices output; any windows.
        const attrs = { kernel: pool.kernel, stride: pool.strides, pad: pool.pads[0], dilation: pool.dilations, threads: nativeThreads };
        return b.nativeNode('PlrpMaxRoute', [r, a], [{ dims: a.dims, dtype: 'float32' }], attrs)[0];
      }
      // Non-overlapping windows (the usual genome CNN pooling): MaxPool's indices + MaxUnpool place
      // each window's relevance at its maximum. Overlapping windows need accumulation → host step.
      if (pool.kernel > pool.strides || pool.dilations !== 1) {
        return alg.host((ins) => [maxPoolRouteOnHost(ins[0], ins[1], pool)], [r, a], [a.dims])[0];
      }
      const attrs = { kernel_shape: [pool.kernel], strides: [pool.strides], pads: [pool.pads[0], pool.pads[1]] };
      // The forward MaxPool's own argmax when it has one (saves pooling twice), else recompute it.
      const indices = (poolOutput && b.originalMaxPoolIndices(poolOutput, r.dims)) || b.node2('MaxPool', [a], [r.dims, r.dims], ['float32', 'int64'], attrs)[1];
      const shape = b.node('Shape', [a], [a.dims.length], {}, 'int64');
      return b.node('MaxUnpool', [r, indices, shape], a.dims, attrs);
    },
    keepMask: (r, p, mode) => pruning.keepMask(r, p, mode),
    redistributeLambda: (r, keep, mode) => pruning.redistributeLambda(r, keep, mode),
    pruneStats: (before, after, keep) => pruning.pruneStats(before, after, keep),
    host: (step, inputs, outputDims) => b.host(step, inputs, outputDims),
    observe: (key, x) => b.observe(key, x),
  };
  return alg;
}
