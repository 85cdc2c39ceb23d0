// Rule registry: rule name → implementation.
import type { Rule, RuleName } from './rule';
import { epsilonRule } from './epsilon';
import { zPlusRule } from './zplus';
import { alpha2Beta1Rule } from './alpha-beta';
import { gammaRule } from './gamma';
import { zBoxDnaRule } from './zbox';
import { flatRule } from './flat';
import { wSquareRule } from './wsquare';

export const RULES: Record<RuleName, Rule> = {
  epsilon: epsilonRule,
  zplus: zPlusRule,
  'alpha2-beta1': alpha2Beta1Rule,
  gamma: gammaRule,
  zbox: zBoxDnaRule,
  flat: flatRule,
  wsquare: wSquareRule,
};
export type { Rule, RuleName, RuleParams } from './rule';
