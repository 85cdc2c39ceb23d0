// Composites: which rule each parametric layer gets (../shared/spec/lrp.md, "Composites").
// As in zennit, only Linear layers (Gemm/MatMul here) get ε in the mixed composites.
import type { Composite } from '../../shared/explain-config';
import type { RuleName } from './rules/rule';

interface CompositeRules { first: RuleName; conv: RuleName; dense: RuleName }

const TABLE: Record<Composite, CompositeRules> = {
  epsilon: { first: 'epsilon', conv: 'epsilon', dense: 'epsilon' },
  'epsilon-plus': { first: 'zplus', conv: 'zplus', dense: 'epsilon' },
  'epsilon-gamma-box': { first: 'zbox', conv: 'gamma', dense: 'epsilon' },
  'epsilon-alpha2-beta1': { first: 'alpha2-beta1', conv: 'alpha2-beta1', dense: 'epsilon' },
  'epsilon-plus-flat': { first: 'flat', conv: 'zplus', dense: 'epsilon' },
};

/**
 * The rule for a layer; "first" is the first parametric layer in execution order.
 */
export function ruleFor(composite: Composite, layer: 'conv' | 'dense', isFirst: boolean, overrides: Record<string, RuleName>, layerName: string): RuleName {
  const override = overrides[layerName];
  if (override) return override;
  const t = TABLE[composite];
  // zennit's first_map: EpsilonPlusFlat matches any Linear/Conv as the first layer, the others
  // match convolutions only.
  if (isFirst && (layer === 'conv' || composite === 'epsilon-plus-flat')) return t.first;
  return layer === 'dense' ? t.dense : t.conv;
}
