// αβ rule with α − β = 1 (default α = 2, β = 1), zennit's AlphaBeta:
// P = Σ a⁺w⁺ + b⁺ + Σ a⁻w⁻, N = Σ a⁺w⁻ + b⁻ + Σ a⁻w⁺,
// R_i = α[a⁺ Σ w⁺ R/stab(P) + a⁻ Σ w⁻ R/stab(P)] − β[a⁺ Σ w⁻ R/stab(N) + a⁻ Σ w⁺ R/stab(N)].
import type { Rule } from './rule';
import { negativeParams, positiveParams } from './weight-mods';

export function alphaBetaRule(alpha: number, beta: number): Rule {
  return (alg, a, r, p, rp) => {
    const aPos = rp.inputNonNegative ? a : alg.pos(a);
    let zP = alg.linear(aPos, positiveParams(p, true));
    let zN = alg.linear(aPos, negativeParams(p, true));
    const aNeg = rp.inputNonNegative ? null : alg.neg(a);
    if (aNeg) {
      zP = alg.add(zP, alg.linear(aNeg, negativeParams(p, false)));
      zN = alg.add(zN, alg.linear(aNeg, positiveParams(p, false)));
    }
    const sP = alg.div(r, alg.stabNonNegative(zP, rp.stabilizer));
    const sN = alg.div(r, alg.stab(zN, rp.stabilizer));
    let pos = alg.mul(aPos, alg.linearT(sP, positiveParams(p, false), a));
    let neg = alg.mul(aPos, alg.linearT(sN, negativeParams(p, false), a));
    if (aNeg) {
      pos = alg.add(pos, alg.mul(aNeg, alg.linearT(sP, negativeParams(p, false), a)));
      neg = alg.add(neg, alg.mul(aNeg, alg.linearT(sN, positiveParams(p, false), a)));
    }
    return alg.sub(alg.scale(pos, alpha), alg.scale(neg, beta));
  };
}

export const alpha2Beta1Rule: Rule = alphaBetaRule(2, 1);
