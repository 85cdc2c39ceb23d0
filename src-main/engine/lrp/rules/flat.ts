// Flat rule: weights and inputs replaced by 1, bias 0: each output's relevance is shared equally
// among the inputs that feed it (edge outputs of a padded convolution have fewer).
import type { Rule } from './rule';
import { onesParams } from './weight-mods';

export const flatRule: Rule = (alg, a, r, p, rp) => {
  const w = onesParams(p);
  const ones = alg.fillLike(a, 1);
  const s = alg.div(r, alg.stabNonNegative(alg.linear(ones, w), rp.stabilizer));
  return alg.linearT(s, w, a);
};
