// The adjoint (transposed convolution) of a layer with few input channels — the 4 bases of the
// input layer — computed in PHASES interleaved phases at once. ORT's blocked convolution kernels
// pad output channels up to a block of 8–16, so a plain 4-channel adjoint costs as much as a
// 16-channel one (measured 3–5× the forward convolution with the same arithmetic). Here output
// position l = PHASES·m + j comes from output channel (j, ch) of one stride-PHASES convolution
// whose kernel holds PHASES shifted copies of the flipped weights: 16 channels, few of them wasted.
import type { LinearParams } from '../../model/linear-params';
import { conv2dAttrs, TO_HEIGHT_ONE } from '../../runtime/conv2d-rewrite';
import type { SegmentBuilder, Sym } from './segment-builder';

const PHASES = 4;

const phaseWeightCache = new WeakMap<Float32Array, Float32Array>();

/** Whether `phaseAdjoint` applies: at most 4 input channels, stride 1, no dilation or groups, pads within the kernel. */
export function phaseAdjointApplies(p: LinearParams): boolean {
  const g = p.conv;
  if (!g) return false;
  const cIn = p.weight.dims[1] * g.group;
  return cIn * PHASES <= 16 && g.strides === 1 && g.dilations === 1 && g.group === 1 && g.pads[0] <= g.kernel - 1 && g.pads[1] <= g.kernel - 1;
}

/** W'[(j, ch), f, u] = W[f, ch, j + K − 1 − u] where that tap exists, else 0; u < K + PHASES − 1. */
function phaseWeights(p: LinearParams): Float32Array {
  const w = p.weight.data as Float32Array;
  let out = phaseWeightCache.get(w);
  if (out) return out;
  const [cOut, cIn, k] = p.weight.dims;
  const width = k + PHASES - 1;
  out = new Float32Array(PHASES * cIn * cOut * width);
  for (let j = 0; j < PHASES; j++) {
    for (let ch = 0; ch < cIn; ch++) {
      for (let f = 0; f < cOut; f++) {
        for (let u = 0; u < width; u++) {
          const t = j + k - 1 - u;
          if (t >= 0 && t < k) out[((j * cIn + ch) * cOut + f) * width + u] = w[(f * cIn + ch) * k + t];
        }
      }
    }
  }
  phaseWeightCache.set(w, out);
  return out;
}

/** c[N, C_in, L_in] = Σ_f Σ_t W[f, ch, t] · s[N, f, l + pad − t], for s of shape [N, C_out, L_s]. */
export function phaseAdjoint(b: SegmentBuilder, s: Sym, p: LinearParams, inputLike: Sym): Sym {
  const g = p.conv!;
  const [cOut, cIn, k] = p.weight.dims;
  const [, , lIn] = inputLike.dims;
  const lS = s.dims[2];
  const width = k + PHASES - 1;
  const outputs = Math.ceil(lIn / PHASES);
  const padBefore = k - 1 - g.pads[0];
  const padAfter = Math.max(0, PHASES * (outputs - 1) + width - (lS + padBefore));
  const produced = Math.floor((lS + padBefore + padAfter - width) / PHASES) + 1;
  const s4 = b.node('Reshape', [s, b.constInt64(TO_HEIGHT_ONE)], [s.dims[0], cOut, 1, lS]);
  let y = b.node('Conv', [s4, b.constFloat(phaseWeights(p), [PHASES * cIn, cOut, 1, width])], [s.dims[0], PHASES * cIn, 1, produced], conv2dAttrs(width, PHASES, [padBefore, padAfter], 1, 1));
  if (produced > outputs) y = b.node('Slice', [y, b.constInt64([0]), b.constInt64([outputs]), b.constInt64([3])], [s.dims[0], PHASES * cIn, 1, outputs]);
  // [N, (j, ch), 1, m] → [N, m, j, ch] → [N, m·PHASES, ch]: position PHASES·m + j, channels last.
  const split = b.node('Reshape', [y, b.constInt64([0, PHASES, cIn, outputs])], [s.dims[0], PHASES, cIn, outputs]);
  const interleaved = b.node('Transpose', [split], [s.dims[0], outputs, PHASES, cIn], { perm: [0, 3, 1, 2] });
  let c = b.node('Reshape', [interleaved, b.constInt64([0, outputs * PHASES, cIn])], [s.dims[0], outputs * PHASES, cIn]);
  if (outputs * PHASES > lIn) c = b.node('Slice', [c, b.constInt64([0]), b.constInt64([lIn]), b.constInt64([1])], [s.dims[0], lIn, cIn]);
  // Built channels-last, then transposed back: the input layer's relevance x ⊙ c leaves the graph
  // as [N, L, 4], so ONNX Runtime's transpose optimizer cancels this Transpose against the one of
  // the input and the one of the output (three layout changes of the input layer become one).
  return b.node('Transpose', [c], inputLike.dims, { perm: [0, 2, 1] });
}
