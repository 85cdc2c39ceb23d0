// Modified parameters the rules use (w⁺, w⁻, w + γw⁺, ones, w²), computed once per layer on the host
// and memoised, so the generated ONNX graph holds each modified weight exactly once.
import type { LinearParams } from '../../model/linear-params';

const memo = new WeakMap<LinearParams, Map<string, LinearParams>>();

function cached(p: LinearParams, key: string, make: () => LinearParams): LinearParams {
  let m = memo.get(p);
  if (!m) memo.set(p, (m = new Map()));
  let v = m.get(key);
  if (!v) m.set(key, (v = make()));
  return v;
}

function modify(p: LinearParams, fw: (w: number) => number, fb: ((b: number) => number) | null): LinearParams {
  const data = new Float32Array(p.weight.data.length);
  for (let i = 0; i < data.length; i++) data[i] = fw(p.weight.data[i]);
  let bias: Float32Array | null = null;
  if (fb && p.bias) {
    bias = new Float32Array(p.bias.length);
    for (let i = 0; i < bias.length; i++) bias[i] = fb(p.bias[i]);
  }
  return { ...p, weight: { ...p.weight, data }, bias };
}

const pos = (v: number) => (v > 0 ? v : 0);
const neg = (v: number) => (v < 0 ? v : 0);

/** w⁺ (and b⁺ when withBias). Both variants share one weight array. */
export function positiveParams(p: LinearParams, withBias: boolean): LinearParams {
  const base = cached(p, '+b', () => modify(p, pos, pos));
  return withBias ? base : cached(p, '+', () => ({ ...base, bias: null }));
}

export function negativeParams(p: LinearParams, withBias: boolean): LinearParams {
  const base = cached(p, '-b', () => modify(p, neg, neg));
  return withBias ? base : cached(p, '-', () => ({ ...base, bias: null }));
}

export function withoutBias(p: LinearParams): LinearParams {
  return p.bias ? cached(p, 'nobias', () => ({ ...p, bias: null })) : p;
}

/** zennit's GammaMod: w + γ·w⁺ ('up') or w + γ·w⁻ ('down'), biases likewise. */
export function gammaParams(p: LinearParams, gamma: number, dir: 'up' | 'down', withBias: boolean): LinearParams {
  const part = dir === 'up' ? pos : neg;
  const f = (v: number) => v + gamma * part(v);
  const base = cached(p, `g${dir}${gamma}b`, () => modify(p, f, f));
  return withBias ? base : cached(p, `g${dir}${gamma}`, () => ({ ...base, bias: null }));
}

/** Flat rule: all weights 1, bias 0. */
export function onesParams(p: LinearParams): LinearParams {
  return cached(p, 'ones', () => modify(p, () => 1, null));
}

/** w² rule: weights and biases squared. */
export function squaredParams(p: LinearParams): LinearParams {
  return cached(p, 'sq', () => modify(p, (v) => v * v, (v) => v * v));
}
