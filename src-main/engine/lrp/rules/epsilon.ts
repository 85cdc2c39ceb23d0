// ε rule (LRP-0 when ε = 0): R_i = a_i Σ_j w_ij R_j / stab_ε(z_j), bias included in z.
import type { Rule } from './rule';

export const epsilonRule: Rule = (alg, a, r, p, rp, zKnown) => {
  const z = zKnown ?? alg.linear(a, p);
  const s = alg.div(r, alg.stab(z, rp.epsilon));
  return alg.mul(a, alg.linearT(s, p, a));
};
