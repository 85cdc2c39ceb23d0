// w² rule: R_i = Σ_j w²_ij R_j / stab(Σ_i w²_ij + b²_j) — inputs replaced by 1, weights and biases squared.
import type { Rule } from './rule';
import { squaredParams } from './weight-mods';

export const wSquareRule: Rule = (alg, a, r, p, rp) => {
  const w = squaredParams(p);
  const s = alg.div(r, alg.stabNonNegative(alg.linear(alg.fillLike(a, 1), w), rp.stabilizer));
  return alg.linearT(s, { ...w, bias: null }, a);
};
