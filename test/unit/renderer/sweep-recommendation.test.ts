// The Dashboard's recommended p: the knee of the run's own sweep by the rule `plrp reproduce` uses
// (Gini against faithfulness), said with what it comes from and beside the model manifest's p.
import { describe, expect, it } from 'vitest';
import { sweepRecommendation } from '../../../src-renderer/src/lib/util/sweep-recommendation';
import type { SweepPoint } from '../../../src-renderer/src/lib/util/dashboard-data';
import { recommendP } from '../../../src-main/shared/knee';

const point = (p: number, sparsity: number | null, faithfulness: number | null): SweepPoint => ({ explanationId: `p${p}`, p, sparsity, faithfulness, rma: null });
/** The demo run's means (cnn32-pair, 40 sequences): faithfulness holds to p = 0.3, then falls. */
const demo = [point(0, 0.67, 2.51), point(0.1, 0.72, 2.31), point(0.3, 0.8, 2.33), point(0.5, 0.88, 1.87), point(0.7, 0.92, 1.06), point(0.9, 0.96, 0.6)];

describe("the Dashboard's recommended p", () => {
  it('is the knee of Gini against faithfulness, as plrp reproduce finds it, and says so with the numbers', () => {
    const r = sweepRecommendation(demo, 40, null);
    expect(r.index).toBe(3);
    expect(demo[r.index!].p).toBe(recommendP(demo.map((s) => ({ p: s.p, sparsity: s.sparsity!, faithfulness: s.faithfulness! }))).p);
    expect(r.text).toBe(
      'Recommended p = 0.5 (the large purple point on the chart) for these 40 sequences: the knee of their sweep of mean Gini (sparsity) against mean faithfulness (MoRF − LeRF). ' +
        'From p = 0 (plain LRP, nothing pruned) to it, Gini rose from 0.670 to 0.880 while faithfulness went from 2.510 to 1.870; past it, each gain in sparsity costs more faithfulness (1.060 at p = 0.7).',
    );
  });

  it('says on how many sequences faithfulness was computed when fewer than all (a region run of varied widths)', () => {
    const few = demo.map((s) => ({ ...s, faithfulnessCount: 3 }));
    expect(sweepRecommendation(few, 40, 0.3).text).toMatch(
      /\(1\.060 at p = 0\.7\)\. Faithfulness was computed on 3 of the 40 sequences \(only those exactly the model's input length have one\), so the faithfulness side of this knee rests on them\. The model's manifest/,
    );
    const uneven = few.map((s, k) => ({ ...s, faithfulnessCount: k === 0 ? 5 : 3 }));
    expect(sweepRecommendation(uneven, 40, null).text).toContain('Faithfulness was computed on as few as 3 of the 40 sequences');
    expect(sweepRecommendation(demo.map((s) => ({ ...s, faithfulnessCount: 40 })), 40, null).text).not.toContain('computed on');
  });

  it("names the model manifest's p beside it, and why the two can differ", () => {
    expect(sweepRecommendation(demo, 40, 0.3).text).toMatch(
      /\(1\.060 at p = 0\.7\)\. The model's manifest recommends p = 0\.3 \(the New-run default\), from the sequences its author evaluated it on: a knee depends on the sequences, so the two can differ\.$/,
    );
    expect(sweepRecommendation(demo, 40, 0.5).text).toMatch(/\. The model's manifest recommends the same p \(the New-run default\)\.$/);
  });

  it('is not the knee of sparsity alone: a sweep whose Gini bends early but whose faithfulness holds to the end takes the sparsest p', () => {
    const sweep = [point(0, 0.5, 2), point(0.1, 0.85, 2), point(0.3, 0.9, 2.1), point(0.5, 0.92, 2.2)];
    const r = sweepRecommendation(sweep, 12, null);
    expect(r.index).toBe(3);
    expect(r.text).toBe('Recommended p = 0.5 (the large purple point on the chart) for these 12 sequences: faithfulness (mean MoRF − LeRF) never falls below its value at p = 0 (plain LRP, nothing pruned) over this sweep, so the sparsest p (mean Gini 0.920) is taken.');
  });

  it('keeps plain LRP when faithfulness falls from the first pruning step', () => {
    const r = sweepRecommendation([point(0, 0.5, 3), point(0.3, 0.55, 1), point(0.5, 0.6, 0.9), point(0.7, 0.9, 0.8)], 1, null);
    expect(r.index).toBe(0);
    expect(r.text).toMatch(/^Recommended p = 0 \(plain LRP, nothing pruned\) \(the large purple point on the chart\) for this sequence: faithfulness \(mean MoRF − LeRF\) falls from the first pruning step on/);
  });

  it('recommends none without faithfulness at every p (a run that did not compute it)', () => {
    const r = sweepRecommendation([point(0, 0.5, null), point(0.3, 0.7, null), point(0.5, 0.8, null)], 5, 0.3);
    expect(r.index).toBeNull();
    expect(r.text).toMatch(/^No recommended p: it is the knee of mean Gini \(sparsity\) against mean faithfulness \(MoRF − LeRF\)/);
  });
});
