// Start relevance (../shared/spec/lrp.md): R_out = onehot(target) ⊙ logit — the target output's
// pre-activation value, zero elsewhere. Target −1 means the predicted (argmax) output.
import { AppError } from '../../shared/errors';

export function resolveTargets(logits: Float32Array, n: number, k: number, requested: Int32Array): Int32Array {
  const out = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const t = requested[b];
    if (t >= k) throw new AppError('BAD_TARGET', `target index ${t} is out of range: the model has ${k} output${k === 1 ? '' : 's'} (0..${k - 1})`);
    if (t >= 0) { out[b] = t; continue; }
    let best = 0;
    for (let j = 1; j < k; j++) if (logits[b * k + j] > logits[b * k + best]) best = j;
    out[b] = best;
  }
  return out;
}

export function startRelevance(logits: Float32Array, n: number, k: number, targets: Int32Array): Float32Array {
  const r = new Float32Array(n * k);
  for (let b = 0; b < n; b++) r[b * k + targets[b]] = logits[b * k + targets[b]];
  return r;
}
