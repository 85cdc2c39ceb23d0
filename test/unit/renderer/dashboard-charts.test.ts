// The Dashboard's charts: the p sweep without a ground truth, the theme's colours on the axes, a
// legend that is a key until hovered, series colours that can be told apart, and the header's count.
import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { sweepChart } from '../../../src-renderer/src/lib/charts/sweep-chart';
import { LEGEND_IDLE_CLASS, themedChartOptions, type ChartColors } from '../../../src-renderer/src/lib/charts/chart-options';
import { SERIES_COLORS, seriesColor } from '../../../src-renderer/src/lib/charts/series-colors';
import { dashboardCoverage, type SweepPoint } from '../../../src-renderer/src/lib/util/dashboard-data';
import { DARK_COLORS, LIGHT_COLORS } from '../../../src-renderer/src/lib/tracks/frame';
import type { SequenceRow } from '../../../src-main/shared/run-api';

const COLORS = ['#c0', '#c1', '#c2', '#c3'];
const point = (p: number, sparsity: number | null, faithfulness: number | null, rma: number | null): SweepPoint => ({ explanationId: `p${p}`, p, sparsity, faithfulness, rma });
const labels = (o: { series: uPlot.Series[] }) => o.series.map((s) => s.label);

describe('p sweep chart', () => {
  it('leaves RMA out when no sequence has it (no ground-truth BED), keeping faithfulness on the right axis', () => {
    const sweep = [point(0, 0.6, 2.6, null), point(0.5, 0.8, 1.9, null), point(0.9, 0.9, 0.5, null)];
    const { options, data } = sweepChart(sweep, 1, COLORS);
    expect(labels(options)).toEqual(['p', 'Gini', 'faithfulness', 'knee']);
    expect(data).toEqual([[0, 0.5, 0.9], [0.6, 0.8, 0.9], [2.6, 1.9, 0.5], [null, 0.8, null]]);
    expect(options.series.find((s) => s.label === 'faithfulness')?.scale).toBe('y2');
    expect(options.axes?.map((a) => a.label)).toEqual(['pruned fraction p', 'Gini (sparsity)', 'faithfulness']);
    expect(options.title).toBe('p sweep (PLRP-λ): sparsity vs faithfulness');
  });

  it('plots RMA on the 0–1 axis with Gini, faithfulness on its own, and gaps as null (NaN spoils an axis range)', () => {
    const sweep = [point(0, 0.6, 2.6, 0.4), point(0.5, 0.8, Number.NaN, 0.5), point(0.9, 0.9, 0.5, null)];
    const { options, data } = sweepChart(sweep, null, COLORS);
    expect(labels(options)).toEqual(['p', 'Gini', 'RMA', 'faithfulness']);
    expect(data.slice(2)).toEqual([[0.4, 0.5, null], [2.6, null, 0.5]]);
    expect(options.series.find((s) => s.label === 'RMA')?.scale).toBe('y');
    expect(options.axes?.map((a) => a.label)).toEqual(['pruned fraction p', 'Gini (sparsity) / RMA', 'faithfulness']);
    expect(options.title).toBe('p sweep (PLRP-λ): sparsity and RMA vs faithfulness');
  });

  it('keeps each line its colour whichever lines are left out (the knee stays the purple the text names)', () => {
    const { options } = sweepChart([point(0, 0.6, null, null), point(0.5, 0.8, null, null), point(0.9, 0.9, null, null)], 1, COLORS);
    expect(options.series.map((s) => s.stroke)).toEqual([undefined, '#c0', '#c3']);
    expect(options.axes).toHaveLength(2);
    expect(options.scales?.y2).toBeUndefined();
  });

  it('puts faithfulness on the left axis when there is no Gini, and draws no knee', () => {
    const { options, data } = sweepChart([point(0, null, 2, null), point(0.5, null, 1, null), point(0.9, null, 0.5, null)], 1, COLORS);
    expect(labels(options)).toEqual(['p', 'faithfulness']);
    expect(options.series[1].scale).toBe('y');
    expect(options.axes?.[1]).toEqual({ label: 'faithfulness' });
    expect(data).toHaveLength(2);
  });
});

describe('chart theme and legend', () => {
  const theme: ChartColors = { text: '#e6edf3', grid: '#30363d', background: '#0d1117' };

  it('draws axis text, grid and ticks in the theme colours, keeping what an axis sets itself', () => {
    const themed = themedChartOptions({ series: [{}, {}], axes: [{ label: 'x' }, { label: 'y2', grid: { show: false } }] }, theme);
    expect(themed.axes?.[0]).toMatchObject({ label: 'x', stroke: '#e6edf3', grid: { stroke: '#30363d' }, ticks: { stroke: '#30363d' } });
    expect(themed.axes?.[1].grid).toMatchObject({ show: false, stroke: '#30363d' });
    // uPlot's own two axes when a chart names none: black text otherwise.
    expect(themedChartOptions({ series: [{}, {}] }, theme).axes?.map((a) => a.stroke)).toEqual(['#e6edf3', '#e6edf3']);
  });

  it('fills hollow points with the background (uPlot fills them white) unless a series fills its own', () => {
    const themed = themedChartOptions({ series: [{}, { label: 'a' }, { label: 'knee', points: { fill: '#c3' } }] }, theme);
    expect(themed.series.map((s) => s.points?.fill)).toEqual([undefined, '#0d1117', '#c3']);
  });

  it('marks the legend idle (names only) while no point is hovered, and keeps a chart\'s own legend hooks', () => {
    const own = (): void => undefined;
    const themed = themedChartOptions({ series: [{}], hooks: { setLegend: [own] } }, theme);
    const hooks = themed.hooks?.setLegend ?? [];
    expect(hooks).toHaveLength(2);
    expect(hooks[0]).toBe(own);
    const markIdle = hooks[1] as (u: uPlot) => void;
    const classes = new Set<string>();
    const chart = (idx: number | null) => ({ legend: { idx }, root: { classList: { toggle: (c: string, on: boolean) => (on ? classes.add(c) : classes.delete(c)) } } }) as unknown as uPlot;
    markIdle(chart(null));
    expect(classes.has(LEGEND_IDLE_CLASS)).toBe(true);
    markIdle(chart(3));
    expect(classes.has(LEGEND_IDLE_CLASS)).toBe(false);
  });
});

/** CIELAB of an sRGB hex colour (D65), and relative luminance, to judge colours as people see them. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = linearRgb(hex);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function linearRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
}
function contrast(a: string, b: string): number {
  const lum = (hex: string) => linearRgb(hex).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('series colours', () => {
  for (const [theme, background] of [['light', LIGHT_COLORS.background], ['dark', DARK_COLORS.background]] as const) {
    it(`no two ${theme} series colours look alike (CIELAB ΔE ≥ 20), and each stands out from the background`, () => {
      const colors = SERIES_COLORS[theme];
      expect(colors).toHaveLength(8);
      for (let i = 0; i < colors.length; i++) {
        expect(contrast(colors[i], background), colors[i]).toBeGreaterThanOrEqual(3);
        for (let j = i + 1; j < colors.length; j++) {
          const [p, q] = [lab(colors[i]), lab(colors[j])];
          expect(Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]), `${colors[i]} vs ${colors[j]}`).toBeGreaterThanOrEqual(20);
        }
      }
    });
  }
  it('repeats the palette in order past its last colour', () => {
    expect(seriesColor(8, 'dark')).toBe(SERIES_COLORS.dark[0]);
  });
});

describe('dashboard coverage', () => {
  const row = (explained: boolean) => ({ explanations: explained ? { lrp: { metrics: {} } } : {} }) as unknown as SequenceRow;
  const rows = (stored: number, total: number) => Array.from({ length: total }, (_, i) => row(i < stored));

  it('names every sequence when all have results', () => {
    expect(dashboardCoverage({ status: 'done', sequenceCount: 20_000 }, rows(20_000, 20_000))).toEqual({ text: '20,000 sequences', partial: false });
  });
  it('says how many of the run\'s sequences the figures cover, and why, for a run stopped or still running', () => {
    expect(dashboardCoverage({ status: 'cancelled', sequenceCount: 20_000 }, rows(1_024, 20_000))).toEqual({ text: 'metrics of 1,024 of 20,000 sequences (run cancelled)', partial: true });
    expect(dashboardCoverage({ status: 'running', sequenceCount: 20_000 }, rows(1_024, 20_000)).text).toBe('metrics of 1,024 of 20,000 sequences (run still running)');
    expect(dashboardCoverage({ status: 'failed', sequenceCount: 2 }, rows(1, 2)).text).toBe('metrics of 1 of 2 sequences (run failed)');
  });
});
