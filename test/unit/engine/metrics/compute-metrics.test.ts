import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../../src-main/engine/metrics/compute-metrics';
import { parseMetricNames } from '../../../../src-main/engine/metrics/metric-names';
import { summarizeMetrics } from '../../../../src-main/engine/metrics/summarize-metrics';
import { linearModel, oneHot, relevanceOnBase } from './helpers';

const seq = 'ACGTACGT';
const r = [0.5, -1, 2, 3, 0, 1, -0.5, 0];
const x = oneHot(seq);
const relevance = relevanceOnBase(x, r);
const model = linearModel(relevance);

describe('computeMetrics', () => {
  it('scores the per-position relevance and fills only the metrics asked for', async () => {
    const gt = Uint8Array.from([0, 0, 1, 1, 1, 0, 0, 0]);
    const m = await computeMetrics({ relevance, onehot: x, lengthBp: 8, groundTruth: gt }, ['gini', 'rma', 'rra']);
    expect(Object.keys(m).sort()).toEqual(['gini', 'rma', 'rra']);
    expect(m.rma).toBeCloseTo(5 / 6.5, 12);
    expect(m.rra).toBeCloseTo(2 / 3, 12);
  });

  it('returns null for RMA and RRA when the sequence has no ground truth', async () => {
    const m = await computeMetrics({ relevance, onehot: x, lengthBp: 8 }, ['rma', 'rra', 'entropy']);
    expect(m.rma).toBeNull();
    expect(m.rra).toBeNull();
    expect(m.entropy).toBeGreaterThan(0);
  });

  it('scores the 4L cells only when asked, which inflates Gini with structural zeros', async () => {
    const pos = await computeMetrics({ relevance, onehot: x, lengthBp: 8 }, ['gini']);
    const cell = await computeMetrics({ relevance, onehot: x, lengthBp: 8 }, ['gini'], { unit: 'cell' });
    expect(cell.gini!).toBeGreaterThan(pos.gini!);
  });

  it('runs the model metrics through the callbacks and records the seed', async () => {
    const m = await computeMetrics(
      { relevance, onehot: x, lengthBp: 8, predictTargetLogit: model.predict, explain: model.explain },
      parseMetricNames('all'),
      { seed: 99, faithfulness: { baseline: 'zero', steps: 2 } },
    );
    expect(m.seed).toBe(99);
    expect(m.lipschitz).toBeGreaterThanOrEqual(0);
    // MoRF removes r=3, r=2: d = [0, 3, 5]; LeRF removes r=−1, r=−0.5: d = [0, −1, −1.5].
    expect(m.faithfulness).toMatchObject({ morfAuc: 2.75, lerfAuc: -0.875, morfMinusLerfAuc: 3.625, steps: 2, seed: 99 });
  });

  it('summarises over sequences, ignoring the nulls', async () => {
    const a = await computeMetrics({ relevance, onehot: x, lengthBp: 8, groundTruth: Uint8Array.from([0, 0, 1, 1, 1, 0, 0, 0]) }, ['gini', 'rma']);
    const b = await computeMetrics({ relevance, onehot: x, lengthBp: 8 }, ['gini', 'rma']);
    const s = summarizeMetrics([a, b]);
    expect(s.gini?.n).toBe(2);
    expect(s.rma).toMatchObject({ n: 1, mean: a.rma });
    expect(s.faithfulness).toBeUndefined();
  });
});

describe('parseMetricNames', () => {
  it('accepts a comma list, deduplicates, and rejects unknown names with a usage error', () => {
    expect(parseMetricNames('gini, RMA,gini')).toEqual(['gini', 'rma']);
    expect(() => parseMetricNames('gini,sparsity')).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => parseMetricNames(' , ')).toThrow(/no metric named/);
  });
});
