// The sequence table's tooltips: an empty faithfulness or Lipschitz cell says why it is empty.
import { describe, expect, it } from 'vitest';
import { METRIC_HELP, wholeInputCellTitle } from '../../../src-renderer/src/lib/util/column-help';

describe('faithfulness and Lipschitz cells', () => {
  it('say why they are empty: the metric needs a sequence of exactly the model\'s input length', () => {
    expect(METRIC_HELP.faithfulness).toContain("Computed only for sequences of exactly the model's input length");
    expect(METRIC_HELP.lipschitz).toContain("Computed only for sequences of exactly the model's input length");
    expect(wholeInputCellTitle('faithfulness', undefined, 1200, true)).toBe("No faithfulness for this 1,200 bp sequence: computed only for sequences of exactly the model's input length (it perturbs the whole model input); — for longer or shorter ones, which are explained in windows or padded");
    expect(wholeInputCellTitle('lipschitz', undefined, 150, true)).toMatch(/^No Lipschitz estimate for this 150 bp sequence/);
    // A value, another metric, or a sequence not computed yet: nothing to explain.
    expect(wholeInputCellTitle('faithfulness', 2.5, 1200, true)).toBeUndefined();
    expect(wholeInputCellTitle('gini', undefined, 1200, true)).toBeUndefined();
    expect(wholeInputCellTitle('faithfulness', undefined, 1200, false)).toBeUndefined();
  });
});
