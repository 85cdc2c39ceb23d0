// z⁺ rule (= α1β0): z = Σ a⁺w⁺ + b⁺ + Σ a⁻w⁻; R_i = a⁺_i Σ w⁺ R/stab(z) + a⁻_i Σ w⁻ R/stab(z).
// Every term of z is ≥ 0, so its stabiliser needs no sign test.
import type { Rule } from './rule';
import { negativeParams, positiveParams } from './weight-mods';

export const zPlusRule: Rule = (alg, a, r, p, rp) => {
  const wPos = positiveParams(p, true);
  const wNeg = negativeParams(p, false);
  const aPos = rp.inputNonNegative ? a : alg.pos(a);
  if (rp.inputNonNegative) {
    const s = alg.div(r, alg.stabNonNegative(alg.linear(aPos, wPos), rp.stabilizer));
    return alg.mul(aPos, alg.linearT(s, wPos, a));
  }
  const aNeg = alg.neg(a);
  const z = alg.add(alg.linear(aPos, wPos), alg.linear(aNeg, wNeg));
  const s = alg.div(r, alg.stabNonNegative(z, rp.stabilizer));
  return alg.add(alg.mul(aPos, alg.linearT(s, wPos, a)), alg.mul(aNeg, alg.linearT(s, wNeg, a)));
};
