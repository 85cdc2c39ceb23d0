import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../../src-main/engine/metrics/aggregate';
import { sweepPlots } from '../../../../src-main/engine/reproduce/report-plots';
import { sweepMarkdown, sweepTsv } from '../../../../src-main/engine/reproduce/report-tables';
import { niceTicks } from '../../../../src-main/engine/reproduce/svg-chart';
import type { ModelSweep } from '../../../../src-main/engine/reproduce/sweep-result';

const sweep: ModelSweep = {
  model: 'cnn4 <pair>',
  sha256: 'ab',
  sequences: 3,
  seconds: 1,
  recommended: [{ p: 0.1, reason: 'knee', method: 'plrp-lambda' }],
  rows: [
    { model: 'cnn4', method: 'lrp', p: 0, metrics: { gini: aggregate([0.4, 0.5, 0.6]), rma: null } },
    { model: 'cnn4', method: 'plrp-lambda', p: 0.1, metrics: { gini: aggregate([0.7, 0.8, 0.9]), faithfulness: { morfMinusLerfAuc: aggregate([1, 2]) } } },
  ],
};

describe('reproduction report', () => {
  it('writes one TSV row per (model, method, p) with every statistic, NA where undefined', () => {
    const lines = sweepTsv([sweep]).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const header = lines[0].split('\t');
    const row = lines[2].split('\t');
    expect(row.slice(0, 3)).toEqual(['cnn4 <pair>', 'plrp-lambda', '0.1']);
    expect(row[header.indexOf('gini_mean')]).toBe('0.800000');
    expect(row[header.indexOf('gini_n')]).toBe('3');
    expect(row[header.indexOf('faith_morf_minus_lerf_auc_median')]).toBe('1.500000');
    expect(lines[1].split('\t')[header.indexOf('rma_mean')]).toBe('NA');
  });

  it('writes mean ± std in Markdown and names the recommended p', () => {
    const md = sweepMarkdown([sweep]);
    expect(md).toContain('| plrp-lambda | 0.1 | 0.800 ± 0.100 |');
    expect(md).toContain('| lrp | 0 | 0.500 ± 0.100 |');
    expect(md.match(/^\| lrp /gm)).toHaveLength(1);
    expect(md).toContain('Recommended p for cnn4 <pair> with plrp-lambda: **0.1** (knee of mean Gini vs mean MoRF − LeRF AUC).');
  });

  it('draws one SVG per metric that has data, with escaped titles and one line per method', () => {
    const plots = sweepPlots([sweep]);
    expect([...plots.keys()].sort()).toEqual(['faith_morf_minus_lerf_auc.svg', 'gini.svg']);
    const svg = plots.get('gini.svg')!;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('cnn4 &lt;pair&gt;');
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toContain('PLRP-λ');
  });

  it('chooses round axis ticks', () => {
    expect(niceTicks(0, 0.7)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(-0.03, 1.03)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
