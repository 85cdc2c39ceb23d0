// Each rule against its matrix form written out directly from ../shared/spec/lrp.md, on tiny
// dense and convolutional layers, plus hand-computed values.
import { describe, expect, it } from 'vitest';
import { createEagerAlgebra } from '../../../../src-main/engine/lrp/eager/eager-algebra';
import { RULES, type RuleName, type RuleParams } from '../../../../src-main/engine/lrp/rules';
import type { LinearParams } from '../../../../src-main/engine/model/linear-params';
import { seededRandom } from './tiny-onnx';

const rp: RuleParams = { epsilon: 1e-6, stabilizer: 1e-6, gamma: 0.25, inputNonNegative: false };
const stab = (x: number, e: number) => x + (x >= 0 ? e : -e);
const pos = (x: number) => Math.max(x, 0);
const neg = (x: number) => Math.min(x, 0);

function dense(w: number[][], b: number[] | null): LinearParams {
  const inF = w.length;
  const outF = w[0].length;
  return { layer: 'dense', weight: { dims: [inF, outF], data: Float32Array.from(w.flat()), dtype: 'float32' }, bias: b ? Float32Array.from(b) : null };
}

function apply(rule: RuleName, a: number[], r: number[], p: LinearParams, params: RuleParams = rp): number[] {
  const alg = createEagerAlgebra();
  const out = RULES[rule](alg, { dims: [1, a.length], data: Float32Array.from(a) }, { dims: [1, r.length], data: Float32Array.from(r) }, p, params);
  return Array.from(out.data);
}

/** The spec's formulas as explicit sums over the weight matrix W[i][j] (input i, output j). */
function matrixForm(rule: RuleName, a: number[], r: number[], W: number[][], b: number[]): number[] {
  const I = a.length;
  const J = r.length;
  const col = (f: (i: number, j: number) => number, j: number) => a.reduce((s, _, i) => s + f(i, j), 0);
  const out = new Array<number>(I).fill(0);
  for (let j = 0; j < J; j++) {
    const z = col((i) => a[i] * W[i][j], j) + b[j];
    if (rule === 'epsilon') {
      for (let i = 0; i < I; i++) out[i] += (a[i] * W[i][j] * r[j]) / stab(z, rp.epsilon);
    } else if (rule === 'zplus' || rule === 'alpha2-beta1') {
      const P = col((i) => pos(a[i]) * pos(W[i][j]) + neg(a[i]) * neg(W[i][j]), j) + pos(b[j]);
      const N = col((i) => pos(a[i]) * neg(W[i][j]) + neg(a[i]) * pos(W[i][j]), j) + neg(b[j]);
      const [alpha, beta] = rule === 'zplus' ? [1, 0] : [2, 1];
      for (let i = 0; i < I; i++) {
        out[i] += (alpha * (pos(a[i]) * pos(W[i][j]) + neg(a[i]) * neg(W[i][j])) * r[j]) / stab(P, rp.stabilizer);
        if (beta) out[i] -= (beta * (pos(a[i]) * neg(W[i][j]) + neg(a[i]) * pos(W[i][j])) * r[j]) / stab(N, rp.stabilizer);
      }
    } else if (rule === 'gamma') {
      const g = rp.gamma;
      const up = (w: number) => w + g * pos(w);
      const down = (w: number) => w + g * neg(w);
      if (z > 0) {
        const D = col((i) => pos(a[i]) * up(W[i][j]) + neg(a[i]) * down(W[i][j]), j) + up(b[j]);
        for (let i = 0; i < I; i++) out[i] += ((pos(a[i]) * up(W[i][j]) + neg(a[i]) * down(W[i][j])) * r[j]) / stab(D, rp.stabilizer);
      } else if (z < 0) {
        const D = col((i) => pos(a[i]) * down(W[i][j]) + neg(a[i]) * up(W[i][j]), j) + down(b[j]);
        for (let i = 0; i < I; i++) out[i] += ((pos(a[i]) * down(W[i][j]) + neg(a[i]) * up(W[i][j])) * r[j]) / stab(D, rp.stabilizer);
      }
    } else if (rule === 'zbox') {
      const [l, h] = [0, 1];
      const D = col((i) => a[i] * W[i][j] - l * pos(W[i][j]) - h * neg(W[i][j]), j);
      for (let i = 0; i < I; i++) out[i] += ((a[i] * W[i][j] - l * pos(W[i][j]) - h * neg(W[i][j])) * r[j]) / stab(D, rp.stabilizer);
    } else if (rule === 'flat') {
      for (let i = 0; i < I; i++) out[i] += r[j] / stab(I, rp.stabilizer);
    } else if (rule === 'wsquare') {
      const D = col((i) => W[i][j] ** 2, j) + b[j] ** 2;
      for (let i = 0; i < I; i++) out[i] += (W[i][j] ** 2 * r[j]) / stab(D, rp.stabilizer);
    }
  }
  return out;
}

describe('rules on a dense layer', () => {
  it('ε = 0 splits the output relevance in proportion to a_i w_ij (hand-computed)', () => {
    // z = 1·1 + 2·1 = 3; R = 3 → [1·3/3, 2·3/3] = [1, 2]
    expect(apply('epsilon', [1, 2], [3], dense([[1], [1]], [0]), { ...rp, epsilon: 0 })).toEqual([1, 2]);
  });

  it('z⁺ ignores negative contributions (hand-computed)', () => {
    // w = [2, −1], a = [1, 1]: z⁺ = 2; all relevance goes to input 0.
    expect(apply('zplus', [1, 1], [4], dense([[2], [-1]], null))).toEqual([expect.closeTo(4, 5), 0]);
  });

  it('flat shares each output equally among its inputs (hand-computed)', () => {
    expect(apply('flat', [0, 5, 1], [3, 6], dense([[1, 1], [1, 1], [1, 1]], null))).toEqual([3, 3, 3].map((v) => expect.closeTo(v, 5)));
  });

  const rand = seededRandom(42);
  const a = Array.from({ length: 6 }, () => rand() * 2 - 1);
  const W = Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => rand() * 2 - 1));
  const b = Array.from({ length: 4 }, () => rand() - 0.5);
  const r = Array.from({ length: 4 }, () => rand() * 2 - 1);
  it.each(['epsilon', 'zplus', 'alpha2-beta1', 'gamma', 'zbox', 'flat', 'wsquare'] as RuleName[])('%s equals its matrix form on signed inputs', (rule) => {
    const got = apply(rule, a, r, dense(W, b));
    const want = matrixForm(rule, a, r, W, b);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));
  });
});

describe('rules on a padded convolution', () => {
  it('flat gives edge positions of a zero-padded convolution less relevance (fewer outputs see them)', () => {
    // 1 channel, L = 3, kernel 3, pads 1: output j sees inputs j−1..j+1 inside [0, 3).
    const p: LinearParams = { layer: 'conv', weight: { dims: [1, 1, 3], data: new Float32Array([1, 1, 1]), dtype: 'float32' }, bias: null, conv: { strides: 1, dilations: 1, pads: [1, 1], group: 1, kernel: 3 } };
    const alg = createEagerAlgebra();
    const out = RULES.flat(alg, { dims: [1, 1, 3], data: new Float32Array([1, 1, 1]) }, { dims: [1, 1, 3], data: new Float32Array([6, 6, 6]) }, p, rp);
    // outputs 0 and 2 see 2 inputs, output 1 sees 3: R0 = 6/2 + 6/3 = 5, R1 = 3 + 2 + 3 = 8, R2 = 5.
    Array.from(out.data).forEach((v, i) => expect(v).toBeCloseTo([5, 8, 5][i], 4));
  });

  it('z^B gives relevance to absent bases, the other rules give them exactly zero', () => {
    const rand = seededRandom(9);
    const w = Float32Array.from({ length: 2 * 4 * 3 }, () => rand() * 2 - 1);
    const p: LinearParams = { layer: 'conv', weight: { dims: [2, 4, 3], data: w, dtype: 'float32' }, bias: new Float32Array([0.1, -0.1]), conv: { strides: 1, dilations: 1, pads: [1, 1], group: 1, kernel: 3 } };
    const x = new Float32Array(4 * 5);
    [0, 2, 1, 3, 0].forEach((base, i) => (x[base * 5 + i] = 1));
    const r = Float32Array.from({ length: 2 * 5 }, () => rand());
    const absent = (out: Float32Array) => Array.from(out).filter((_, k) => x[k] === 0);
    const alg = createEagerAlgebra();
    const run = (rule: RuleName) => RULES[rule](alg, { dims: [1, 4, 5], data: x }, { dims: [1, 2, 5], data: r }, p, { ...rp, inputNonNegative: true }).data;
    expect(absent(run('zbox')).some((v) => v !== 0)).toBe(true);
    for (const rule of ['epsilon', 'zplus', 'gamma', 'alpha2-beta1'] as RuleName[]) expect(absent(run(rule)).every((v) => v === 0)).toBe(true);
  });
});
