// Receptive field of an analysed genome CNN: how many input bases one output value (and one
// position of each conv/pooling layer's output) depends on. A sequence shorter than it is mostly
// padding to the model, so its explanation would silently mislead; `plrp inspect`, the model card
// and the per-sequence warnings report it.
//
// Standard recurrence along the length axis, per tensor: a window of k taps with dilation d over a
// tensor whose adjacent positions are `jump` input bases apart widens the field by (k − 1)·d·jump,
// and a stride s multiplies the jump by s. A dense layer on a flattened tensor, or global pooling,
// mixes every position: its output sees the whole input.
import { attrInts } from '../onnx/attributes';
import type { AnalyzedModel, Unit } from './analyze';

interface FieldState {
  /** Input bases one position of this tensor depends on (uncapped). */
  bp: number;
  /** Input bases between adjacent positions of this tensor. */
  jump: number;
  /** Every position of the input reaches this tensor (global pooling, dense after a flatten). */
  whole: boolean;
  /** The length axis was folded into features (Flatten/Reshape): a dense layer then mixes positions. */
  flat: boolean;
}

export interface UnitField {
  /** Unit name (as in ModelInfo.layers). */
  name: string;
  opType: string;
  /** Input bases one output position depends on, capped at a fixed input length. */
  bp: number;
  whole: boolean;
}

export interface ReceptiveField {
  /**
   * Input bases one output value depends on. Whole-input outputs: the input length for fixed-length
   * models; for any-length models, the span of the widest local feature before the global step
   * (a sequence shorter than that is padding to every such feature).
   */
  bp: number;
  /** The output sees the whole input (global pooling or a dense layer after a flatten). */
  wholeInput: boolean;
  /** One entry per unit of `model.units`, same order. */
  units: UnitField[];
}

const GLOBAL_POOLS = new Set(['GlobalMaxPool', 'GlobalAveragePool']);
const WINDOW_POOLS = new Set(['MaxPool', 'AveragePool']);
const FLATTENING = new Set(['Flatten', 'Reshape']);

export function receptiveField(model: AnalyzedModel): ReceptiveField {
  const fixed = model.lengthBp > 0 ? model.lengthBp : 0;
  const cap = (bp: number) => (fixed ? Math.min(bp, fixed) : bp);
  const states = new Map<string, FieldState>([[model.input.name, { bp: 1, jump: 1, whole: false, flat: false }]]);
  /** Widest local (not whole-input) field seen anywhere: what an any-length model needs per feature. */
  let widestLocal = 1;
  const units: UnitField[] = [];
  for (const u of model.units) {
    const out = step(u, inputsOf(u).map((t) => states.get(t) ?? { bp: 1, jump: 1, whole: false, flat: false }));
    if (!out.whole) widestLocal = Math.max(widestLocal, out.bp);
    states.set(u.output, out);
    if (u.kind === 'node') for (const o of u.node.outputs) states.set(o, out);
    units.push({ name: u.name, opType: u.opType, bp: out.whole && fixed ? fixed : cap(out.bp), whole: out.whole });
  }
  const last = states.get(model.logit) ?? { bp: 1, jump: 1, whole: false, flat: false };
  const wholeInput = last.whole;
  const bp = wholeInput ? fixed || cap(widestLocal) : cap(last.bp);
  return { bp, wholeInput, units };
}

function inputsOf(u: Unit): string[] {
  return u.kind === 'linear' ? [u.input] : u.dataInputs;
}

function step(u: Unit, ins: FieldState[]): FieldState {
  // Concat/Add of branches: a position depends on the union of its branches' fields.
  const merged: FieldState = {
    bp: Math.max(...ins.map((s) => s.bp)),
    jump: Math.max(...ins.map((s) => s.jump)),
    whole: ins.some((s) => s.whole),
    flat: ins.some((s) => s.flat),
  };
  if (u.kind === 'linear') {
    const conv = u.params.conv;
    if (conv) return widen(merged, conv.kernel, conv.strides, conv.dilations, false);
    // A dense layer on a flattened tensor mixes all positions; on a [N, L, C] tensor it is per position.
    return merged.flat ? { ...merged, whole: true } : merged;
  }
  if (GLOBAL_POOLS.has(u.opType)) return { ...merged, whole: true };
  if (WINDOW_POOLS.has(u.opType)) {
    const a = u.node.attrs;
    const kernel = (attrInts(a, 'kernel_shape', [1]) ?? [1])[0];
    const stride = (attrInts(a, 'strides', [1]) ?? [1])[0];
    const dilation = (attrInts(a, 'dilations', [1]) ?? [1])[0];
    return widen(merged, kernel, stride, dilation, merged.flat);
  }
  if (FLATTENING.has(u.opType)) return { ...merged, flat: true };
  return merged;
}

function widen(s: FieldState, kernel: number, stride: number, dilation: number, flat: boolean): FieldState {
  return { bp: s.bp + (kernel - 1) * dilation * s.jump, jump: s.jump * stride, whole: s.whole, flat };
}
