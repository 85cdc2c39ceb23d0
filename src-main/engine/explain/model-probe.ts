// Load-time probes of a model, run before any user sequence: an estimate of activation memory
// (refuse a model whose one sequence would not fit, and size batches to the budget), and a check
// that the output depends on the input at all (a constant model's relevance is meaningless).
import { AppError } from '../../shared/errors';
import type { AnalyzedModel } from '../model/analyze';
import { ACTIVATION_BUDGET_BYTES } from '../onnx/limits';
import type { ModelInfo } from './types';

/** Length the probes (and batchLimit) use for a model that accepts any length. */
export const PROBE_LENGTH_BP = 1000;

/** Most windows one ONNX Runtime call may take, however small the model: bounds per-call latency too. */
export const MAX_WINDOWS_PER_CALL = 64;

/**
 * Upper bound of one sequence's activation bytes before running anything: every conv layer's output
 * channels at full length (pooling only shrinks this), ×3 for the forward value, its relevance and
 * the PLRP copies the relevance pass keeps.
 */
export function estimateActivationBytes(model: AnalyzedModel, lengthBp: number): number {
  let channels = 4;
  for (const u of model.linearUnits) {
    channels += u.params.layer === 'conv' ? u.params.weight.dims[0] : 0;
  }
  return channels * lengthBp * 4 * 3;
}

/** Refuses a model for which even one sequence exceeds the activation budget. */
export function checkActivationBudget(model: AnalyzedModel, lengthBp: number, path: string, budget = ACTIVATION_BUDGET_BYTES): void {
  const bytes = estimateActivationBytes(model, lengthBp);
  if (bytes > budget) {
    throw new AppError('RESOURCE_LIMIT', `${path}: one ${lengthBp}-bp sequence needs about ${formatBytes(bytes)} of activations, over the ${formatBytes(budget)} budget; the model is too large to explain here`);
  }
}

/** Largest batch (sequences) whose measured activations fit the budget; at least 1. */
export function batchLimit(activationBytesPerSequence: number, budget = ACTIVATION_BUDGET_BYTES): number {
  return Math.max(1, Math.floor(budget / Math.max(1, activationBytesPerSequence * 3)));
}

/**
 * Windows of `windowBp` per ONNX Runtime call: at most MAX_WINDOWS_PER_CALL and at most the model's
 * memory-safe batch. batchLimit was measured at the probe length; activations grow linearly with
 * the window, so an any-length model's limit is rescaled to this window's length.
 */
export function windowsPerCall(info: Pick<ModelInfo, 'batchLimit' | 'lengthBp'>, windowBp: number, max = MAX_WINDOWS_PER_CALL): number {
  if (info.batchLimit === undefined) return max;
  const measuredAt = info.lengthBp > 0 ? info.lengthBp : PROBE_LENGTH_BP;
  const scaled = Math.floor((info.batchLimit * measuredAt) / Math.max(1, windowBp));
  return Math.max(1, Math.min(max, scaled));
}

/** Three distinct one-hot probes: poly-A, poly-C and a fixed pseudo-random sequence. */
export function probeInputs(lengthBp: number): Float32Array {
  const x = new Float32Array(3 * lengthBp * 4);
  let s = 0x9e3779b9;
  for (let i = 0; i < lengthBp; i++) {
    x[i * 4] = 1;
    x[(lengthBp + i) * 4 + 1] = 1;
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[(2 * lengthBp + i) * 4 + (s >>> 30)] = 1;
  }
  return x;
}

/** Throws when the three probes give bit-identical outputs: the model ignores its input. */
export function checkInputDependence(logits: Float32Array, path: string): void {
  const k = logits.length / 3;
  for (let j = 0; j < k; j++) {
    if (logits[j] !== logits[k + j] || logits[j] !== logits[2 * k + j]) return;
  }
  throw new AppError('BAD_MODEL', `${path}: the model's output does not depend on its input (poly-A, poly-C and a random sequence all give [${Array.from(logits.subarray(0, Math.min(k, 4))).map((v) => v.toPrecision(4)).join(', ')}${k > 4 ? ', …' : ''}]); its relevance would be meaningless`);
}

function formatBytes(b: number): string {
  return b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GiB` : `${(b / 1024 ** 2).toFixed(1)} MiB`;
}
