// The explanation configs of the reproduction sweep: LRP once, and PLRP-λ and PLRP-M at every
// p > 0 of the grid. At p = 0 both PLRP variants are LRP bit for bit (../shared/spec/plrp.md,
// invariant 1, tested by the PLRP suite), so the sweep reuses the LRP result there instead of
// paying for two more identical relevance passes.
import type { Composite, ExplainConfig, Method } from '../../shared/explain-config';
import { parseExplainConfig } from '../../shared/explain-config';

export const DEFAULT_P_GRID = [0, 0.1, 0.2, 0.3, 0.5, 0.7] as const;
export const SWEEP_METHODS: readonly Method[] = ['lrp', 'plrp-lambda', 'plrp-m'];

export interface SweepPoint {
  method: Method;
  p: number;
  /** The config whose relevance this point uses (LRP's for p = 0). */
  configId: string;
}

export interface SweepPlan {
  configs: ExplainConfig[];
  points: SweepPoint[];
}

export function configId(method: Method, p: number): string {
  return method === 'lrp' || p === 0 ? 'lrp' : `${method}_p${p}`;
}

export function sweepPlan(pGrid: readonly number[] = DEFAULT_P_GRID, composite: Composite = 'epsilon-plus'): SweepPlan {
  const grid = [...new Set([0, ...pGrid])].sort((a, b) => a - b);
  const configs: ExplainConfig[] = [parseExplainConfig({ id: 'lrp', composite, method: 'lrp' })];
  const points: SweepPoint[] = [];
  for (const method of SWEEP_METHODS) {
    for (const p of grid) {
      const id = configId(method, p);
      if (!configs.some((c) => c.id === id)) configs.push(parseExplainConfig({ id, composite, method, p }));
      points.push({ method, p, configId: id });
    }
  }
  return { configs, points };
}
