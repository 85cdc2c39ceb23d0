// z^B rule for the first layer with box bounds l ≤ a ≤ h (one-hot DNA: l = 0, h = 1):
// D = Σ a w − Σ l w⁺ − Σ h w⁻ (the bias terms cancel), R_i = a Σ w R/D − l Σ w⁺ R/D − h Σ w⁻ R/D.
// Relevance reaches absent bases too, since h ≠ 0 everywhere.
import type { Rule } from './rule';
import { negativeParams, positiveParams, withoutBias } from './weight-mods';

export function zBoxRule(low: number, high: number): Rule {
  return (alg, a, r, p, rp) => {
    const w = withoutBias(p);
    const wPos = positiveParams(p, false);
    const wNeg = negativeParams(p, false);
    const h = alg.fillLike(a, high);
    let d = alg.sub(alg.linear(a, w), alg.linear(h, wNeg));
    const l = low !== 0 ? alg.fillLike(a, low) : null;
    if (l) d = alg.sub(d, alg.linear(l, wPos));
    const s = alg.div(r, alg.stab(d, rp.stabilizer));
    let out = alg.sub(alg.mul(a, alg.linearT(s, w, a)), alg.mul(h, alg.linearT(s, wNeg, a)));
    if (l) out = alg.sub(out, alg.mul(l, alg.linearT(s, wPos, a)));
    return out;
  };
}

export const zBoxDnaRule: Rule = zBoxRule(0, 1);
