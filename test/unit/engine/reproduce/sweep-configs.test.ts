import { describe, expect, it } from 'vitest';
import { DEFAULT_P_GRID, sweepPlan } from '../../../../src-main/engine/reproduce/sweep-configs';

describe('sweepPlan', () => {
  it('computes LRP once and each PLRP variant at every p > 0 of the grid', () => {
    const plan = sweepPlan();
    expect(plan.configs.map((c) => c.id)).toEqual([
      'lrp',
      ...['plrp-lambda', 'plrp-m'].flatMap((m) => DEFAULT_P_GRID.slice(1).map((p) => `${m}_p${p}`)),
    ]);
    expect(plan.configs.find((c) => c.id === 'plrp-m_p0.3')).toMatchObject({ method: 'plrp-m', p: 0.3, threshold: 'mass', composite: 'epsilon-plus' });
  });

  it('plots every method at every p, using LRP for p = 0', () => {
    const plan = sweepPlan([0.2, 0.1]);
    expect(plan.points).toEqual([
      { method: 'lrp', p: 0, configId: 'lrp' },
      { method: 'lrp', p: 0.1, configId: 'lrp' },
      { method: 'lrp', p: 0.2, configId: 'lrp' },
      { method: 'plrp-lambda', p: 0, configId: 'lrp' },
      { method: 'plrp-lambda', p: 0.1, configId: 'plrp-lambda_p0.1' },
      { method: 'plrp-lambda', p: 0.2, configId: 'plrp-lambda_p0.2' },
      { method: 'plrp-m', p: 0, configId: 'lrp' },
      { method: 'plrp-m', p: 0.1, configId: 'plrp-m_p0.1' },
      { method: 'plrp-m', p: 0.2, configId: 'plrp-m_p0.2' },
    ]);
  });
});
