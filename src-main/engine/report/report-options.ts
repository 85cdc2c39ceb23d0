// The report's Options table: one row per explanation. As in the app's Layers view, a setting that
// does not apply to an explanation's method reads "—" instead of its schema default: plain LRP
// prunes nothing (no p, no threshold) and only PLRP-λ rescales by λ, so "LRP, p 0, mass, total"
// would read as options that were chosen and used. Likewise γ: only the γ rule reads it (the
// ε-γ-box composite's convolutions, or a layer whose rule is overridden to γ).
import type { ExplainConfig } from '../../shared/explain-config';
import { escapeHtml as esc, fmt } from './html-escape';
import { htmlTable, nameCell, type Column } from './report-table';

export const NOT_APPLICABLE = '—';

/** p, threshold and λ as shown for one explanation; "—" where its method does not use them. */
export function pruningOptions(c: ExplainConfig): { p: string; threshold: string; lambda: string } {
  const prunes = c.method !== 'lrp';
  return {
    p: prunes ? (typeof c.p === 'number' ? String(c.p) : JSON.stringify(c.p)) : NOT_APPLICABLE,
    threshold: prunes ? c.threshold : NOT_APPLICABLE,
    lambda: c.method === 'plrp-lambda' ? c.lambda : NOT_APPLICABLE,
  };
}

/** Whether any layer of this explanation runs the γ rule, the only one that reads γ. */
function usesGamma(c: ExplainConfig): boolean {
  return c.composite === 'epsilon-gamma-box' || Object.values(c.rules).includes('gamma');
}

export function optionsTable(explanations: { id: string; config: ExplainConfig }[]): string {
  const numCol = (label: string): Column => ({ label, kind: 'number' });
  // p per pruning point is a JSON object, which must be allowed to wrap.
  const pCol: Column = explanations.every((e) => typeof e.config.p === 'number') ? numCol('p') : { label: 'p', kind: 'long' };
  return htmlTable([{ label: 'explanation', kind: 'name' }, 'composite', 'method', pCol, 'threshold', 'λ', numCol('ε'), numCol('γ'), numCol('stabilizer'), { label: 'rule overrides', kind: 'long' }],
    explanations.map(({ id, config: c }) => {
      const o = pruningOptions(c);
      return [nameCell(id), esc(c.composite), esc(c.method), esc(o.p), esc(o.threshold), esc(o.lambda), fmt(c.epsilon), usesGamma(c) ? fmt(c.gamma) : NOT_APPLICABLE, fmt(c.stabilizer), esc(JSON.stringify(c.rules))];
    }));
}
