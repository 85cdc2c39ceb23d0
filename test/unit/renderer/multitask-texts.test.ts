// What the app says about a multitask run that a biologist would otherwise misread: a ground-truth
// track "without regions" on a sequence full of other tasks' sites, an RMA of "—" with two possible
// reasons, rows that explain a task the model calls absent, and numbers of very different sizes.
import { describe, expect, it } from 'vitest';
import { groundTruthNote, siteName } from '../../../src-renderer/src/lib/util/ground-truth-text';
import { noPredictionSummary, predictsNoOutput } from '../../../src-renderer/src/lib/util/prediction-threshold';
import { metricCellTitle } from '../../../src-renderer/src/lib/util/column-help';
import { formatSignificant } from '../../../src-renderer/src/lib/util/format';
import { drawFeatures, layoutFeatures, NOTE_LINE_PX } from '../../../src-renderer/src/lib/tracks/draw-features';
import { LIGHT_COLORS } from '../../../src-renderer/src/lib/tracks/frame';
import type { ExplanationNumbers, GroundTruthRegion } from '../../../src-main/shared/run-api';
import { RecordingContext } from './recording-context';

const region = (name: string, scored: boolean, startBp = 10): GroundTruthRegion => ({ startBp, endBp: startBp + 10, name, scored });

describe('the ground-truth track’s note', () => {
  it('names the other outputs’ sites when the explained output has none here', () => {
    expect(groundTruthNote([region('Spi1:MA0080.7', false), region('FOXA1:MA0148.5', false, 40), region('Spi1:MA0080.7', false, 80)], 'ctcf'))
      .toBe('no ctcf site in this sequence (it has Spi1, FOXA1 sites)');
    expect(groundTruthNote([region('FOXA1:MA0148.5', false)], 'ctcf')).toBe('no ctcf site in this sequence (it has FOXA1 site)');
  });
  it('says nothing when a scored region is drawn, and tells no regions from no BED', () => {
    expect(groundTruthNote([region('CTCF:MA0139.2', true), region('Spi1:MA0080.7', false)], 'ctcf')).toBe('');
    expect(groundTruthNote([], 'ctcf')).toBe('no regions in this sequence');
    expect(groundTruthNote(null, null)).toBe('no BED attached');
  });
  it('reads a site’s name before its motif id', () => {
    expect(siteName('Spi1:MA0080.7')).toBe('Spi1');
    expect(siteName('peak_12')).toBe('peak_12');
  });
  it('writes the note on a line of its own under the faint regions of other outputs, not over them', () => {
    const rows = { startBp: 0, bpPerPixel: 1, widthPx: 200, heightPx: 18, colors: LIGHT_COLORS };
    const frame = { ...rows, heightPx: 18 + NOTE_LINE_PX };
    const ctx = new RecordingContext();
    const placed = layoutFeatures(rows, [{ startBp: 0, endBp: 150, label: '', color: LIGHT_COLORS.grid }]);
    drawFeatures(ctx, frame, placed, 'no ctcf site in this sequence (it has Spi1 site)', null, true);
    const [, region] = ctx.ops('fillRect');
    expect(region.fillStyle).toBe(LIGHT_COLORS.grid);
    const [note] = ctx.ops('fillText');
    expect(note.args[0]).toBe('no ctcf site in this sequence (it has Spi1 site)');
    // The text's line (10 px font, centred on its y) lies below the region's box.
    const [, y, , h] = region.args as number[];
    expect(note.args[2] as number).toBeGreaterThanOrEqual(y + h + 5);
    expect(note.args[2] as number).toBeLessThanOrEqual(frame.heightPx - 5);
    // Without the flag the note is for an empty track only.
    const plain = new RecordingContext();
    drawFeatures(plain, rows, placed, 'no regions');
    expect(plain.texts()).toEqual([]);
  });
});

describe('an RMA or RRA cell’s tooltip', () => {
  const byOutput = { groundTruthScoring: 'by-output' as const, metrics: ['rma' as const, 'rra' as const] };
  const numbers = (metrics: ExplanationNumbers['metrics']): ExplanationNumbers => ({ sum: 1, absSum: 1, min: 0, max: 1, metrics });
  it('tells “no region of the explained output” from “no positive relevance at all”', () => {
    expect(metricCellTitle('rma', numbers({}), byOutput, 'ctcf')).toBe('— : this sequence has no ground-truth regions of ctcf to score against');
    expect(metricCellTitle('rma', numbers({ rra: 0 }), byOutput, 'spi1')).toMatch(/^— : the explanation has no positive relevance anywhere in this sequence .*RRA 0\.000/);
    expect(metricCellTitle('rra', numbers({ rra: 0 }), byOutput, 'spi1')).toMatch(/^0\.000: the explanation has no positive relevance at all/);
    expect(metricCellTitle('rma', numbers({ rma: 0.5, rra: 1 }), byOutput, 'spi1')).toBe('0.500: the share of the positive relevance that lies in the ground-truth regions of spi1');
  });
  it('cannot tell the two apart without RRA, and says so; other metrics need no reason', () => {
    expect(metricCellTitle('rma', numbers({}), { groundTruthScoring: 'all', metrics: ['rma'] }, 'output 0')).toBe('— : no ground-truth regions in this sequence, or no positive relevance at all');
    expect(metricCellTitle('rma', numbers({}), { groundTruthScoring: null, metrics: ['rma'] }, 'output 0')).toMatch(/no ground-truth BED/);
    expect(metricCellTitle('gini', numbers({ gini: 0.5 }), byOutput, 'ctcf')).toBeUndefined();
  });
});

describe('sequences the model calls empty', () => {
  const row = (output: number[]) => ({ output, explanations: { lrp: { sum: 0, absSum: 0, min: 0, max: 0, metrics: {} } } });
  it('flags a sigmoid model’s rows with every output at or below 0.5, never a softmax or unknown head', () => {
    expect(predictsNoOutput(row([0.49, 0.2, 0.5]), 'sigmoid')).toBe(true);
    expect(predictsNoOutput(row([0.49, 0.51]), 'sigmoid')).toBe(false);
    expect(predictsNoOutput(row([0.3, 0.3, 0.4]), 'softmax')).toBe(false);
    expect(predictsNoOutput(row([0.1]), null)).toBe(false);
    // An output not known (NaN) is not taken for "absent".
    expect(predictsNoOutput(row([Number.NaN, 0.1]), 'sigmoid')).toBe(false);
  });
  it('counts them for the Dashboard among the rows with results', () => {
    const notComputed = { output: [0.1, 0.1], explanations: {} };
    expect(noPredictionSummary([row([0.1, 0.2]), row([0.9, 0.1]), notComputed], 'sigmoid'))
      .toBe("1 of 2 sequences has no output above the model's decision threshold (sigmoid 0.5, logit 0): the model predicts no task there, yet its explanation is in the figures below.");
    expect(noPredictionSummary([row([0.9, 0.1])], 'sigmoid')).toBeNull();
  });
});

describe('numbers of different sizes in one column', () => {
  it('have the same significant digits and separators', () => {
    expect([1159.0, 83.351, 0.5, 12_345.6].map((x) => formatSignificant(x))).toEqual(['1,159', '83.35', '0.5000', '12,350']);
    expect(formatSignificant(0.000_012_34)).toBe('1.234e-5');
    expect(formatSignificant(undefined)).toBe('—');
  });
});
