import { describe, expect, it } from 'vitest';
import { recommendP } from '../../../src-main/shared/knee';

describe('recommendP', () => {
  it('picks the knee where sparsity has been bought with the least faithfulness', () => {
    // Faithfulness holds until p = 0.3, then collapses while sparsity keeps rising.
    const pts = [
      { p: 0, sparsity: 0.4, faithfulness: 1.0 },
      { p: 0.1, sparsity: 0.5, faithfulness: 0.99 },
      { p: 0.2, sparsity: 0.6, faithfulness: 0.97 },
      { p: 0.3, sparsity: 0.7, faithfulness: 0.95 },
      { p: 0.5, sparsity: 0.75, faithfulness: 0.6 },
      { p: 0.7, sparsity: 0.8, faithfulness: 0.2 },
    ];
    expect(recommendP(pts)).toEqual({ p: 0.3, reason: 'knee' });
    expect(recommendP([...pts].reverse())).toEqual({ p: 0.3, reason: 'knee' });
  });

  it('takes the sparsest p when faithfulness never drops below LRP', () => {
    const pts = [
      { p: 0, sparsity: 0.4, faithfulness: 1 },
      { p: 0.3, sparsity: 0.7, faithfulness: 1.2 },
      { p: 0.5, sparsity: 0.6, faithfulness: 1.1 },
    ];
    expect(recommendP(pts)).toEqual({ p: 0.3, reason: 'no-faithfulness-loss' });
  });

  it('keeps plain LRP when faithfulness falls from the first step on', () => {
    const pts = [
      { p: 0, sparsity: 0.4, faithfulness: 1 },
      { p: 0.1, sparsity: 0.45, faithfulness: 0.2 },
      { p: 0.2, sparsity: 0.8, faithfulness: 0.1 },
    ];
    expect(recommendP(pts)).toEqual({ p: 0, reason: 'immediate-loss' });
  });

  it('ignores points whose metrics are undefined', () => {
    expect(recommendP([{ p: 0.2, sparsity: Number.NaN, faithfulness: 1 }, { p: 0, sparsity: 0.1, faithfulness: 1 }])).toEqual({
      p: 0,
      reason: 'single-point',
    });
  });
});
