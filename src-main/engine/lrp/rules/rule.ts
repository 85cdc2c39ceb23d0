// A rule maps (layer input a, relevance R at the layer output) to relevance at the input,
// following "modified forward, divide, transposed pass, multiply" (../shared/spec/lrp.md).
import type { Algebra } from '../algebra';
import type { LinearParams } from '../../model/linear-params';

export const RULE_NAMES = ['epsilon', 'zplus', 'alpha2-beta1', 'gamma', 'zbox', 'flat', 'wsquare'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export interface RuleParams {
  epsilon: number;
  stabilizer: number;
  gamma: number;
  /** True when the layer input can never be negative (one-hot input, after Relu/pooling):
   *  the a⁻ terms are then exactly zero and are skipped. */
  inputNonNegative: boolean;
}

/**
 * `z`, when given, is the layer's own output for this `a` (the forward activation): rules that need
 * the unmodified z use it instead of recomputing it. PLRP-M's masked re-application passes none.
 */
export type Rule = <T>(alg: Algebra<T>, a: T, r: T, p: LinearParams, rp: RuleParams, z?: T) => T;
