// Generalised γ rule (zennit's Gamma): W↑ = w + γw⁺, W↓ = w + γw⁻. Outputs with z > 0 use
// D⁺ = Σ a⁺W↑ + b↑ + Σ a⁻W↓, outputs with z < 0 use D⁻ = Σ a⁺W↓ + b↓ + Σ a⁻W↑; z = 0 passes nothing.
import type { Rule } from './rule';
import { gammaParams } from './weight-mods';

export const gammaRule: Rule = (alg, a, r, p, rp, zKnown) => {
  const up = gammaParams(p, rp.gamma, 'up', true);
  const down = gammaParams(p, rp.gamma, 'down', true);
  const upNoBias = gammaParams(p, rp.gamma, 'up', false);
  const downNoBias = gammaParams(p, rp.gamma, 'down', false);
  const z = zKnown ?? alg.linear(a, p);
  const aPos = rp.inputNonNegative ? a : alg.pos(a);
  const aNeg = rp.inputNonNegative ? null : alg.neg(a);
  let dPos = alg.linear(aPos, up);
  let dNeg = alg.linear(aPos, down);
  if (aNeg) {
    dPos = alg.add(dPos, alg.linear(aNeg, downNoBias));
    dNeg = alg.add(dNeg, alg.linear(aNeg, upNoBias));
  }
  const sPos = alg.div(alg.mul(r, alg.gtZero(z)), alg.stab(dPos, rp.stabilizer));
  const sNeg = alg.div(alg.mul(r, alg.ltZero(z)), alg.stab(dNeg, rp.stabilizer));
  let out = alg.mul(aPos, alg.add(alg.linearT(sPos, upNoBias, a), alg.linearT(sNeg, downNoBias, a)));
  if (aNeg) out = alg.add(out, alg.mul(aNeg, alg.add(alg.linearT(sPos, downNoBias, a), alg.linearT(sNeg, upNoBias, a))));
  return out;
};
