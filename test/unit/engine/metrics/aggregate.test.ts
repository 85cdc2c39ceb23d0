import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../../src-main/engine/metrics/aggregate';

describe('aggregate', () => {
  it('gives mean, median and the interquartile range with NumPy-style quantiles', () => {
    const s = aggregate([4, 1, 3, 2, 10])!;
    expect(s).toMatchObject({ n: 5, mean: 4, median: 3, q1: 2, q3: 4, iqr: 2, min: 1, max: 10 });
    expect(s.std).toBeCloseTo(Math.sqrt(50 / 4), 12);
    // np.percentile([1, 2, 3, 4], [25, 75]) = [1.75, 3.25]
    expect(aggregate([1, 2, 3, 4])).toMatchObject({ q1: 1.75, q3: 3.25, median: 2.5 });
  });

  it('ignores nulls and non-finite values and says how many it used', () => {
    expect(aggregate([null, 2, undefined, Number.NaN, 4])).toMatchObject({ n: 2, mean: 3, median: 3 });
    expect(aggregate([null, null])).toBeNull();
    expect(aggregate([7])).toMatchObject({ n: 1, std: 0, iqr: 0 });
  });
});
