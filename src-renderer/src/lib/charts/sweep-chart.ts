// The p-sweep chart's series, axes and data: Gini (sparsity) and RMA, both shares from 0 to 1, on the
// left axis, faithfulness (a drop in logit, often 0–10) on the right, the knee as a large point. RMA
// beside faithfulness was a flat line at the bottom of its range. A measure with no value at any p (RMA without a ground-truth
// BED) is left out, from the legend too: as a series of gaps it would only add a dead legend entry,
// and NaN in uPlot's data spoils the range of its axis, which hid faithfulness beside it.
import type uPlot from 'uplot';
import type { SweepPoint } from '../util/dashboard-data';
import { formatValue } from '../util/format';
import type { ChartOptions } from './chart-options';

type Measure = 'sparsity' | 'faithfulness' | 'rma';

/** The measures of one axis; `title` names them in the chart's title. */
interface AxisGroup {
  lines: { measure: Measure; name: string; color: number }[];
  axisLabel: (names: string[]) => string;
  title: (names: string[]) => string;
}

// Colours by role (indices into the series colours), whichever lines are shown: the knee stays the
// purple point the text under the chart names.
const GROUPS: AxisGroup[] = [
  {
    lines: [
      { measure: 'sparsity', name: 'Gini', color: 0 },
      { measure: 'rma', name: 'RMA', color: 2 },
    ],
    axisLabel: (names) => names.map((n) => (n === 'Gini' ? 'Gini (sparsity)' : n)).join(' / '),
    title: (names) => names.map((n) => (n === 'Gini' ? 'sparsity' : n)).join(' and '),
  },
  { lines: [{ measure: 'faithfulness', name: 'faithfulness', color: 1 }], axisLabel: () => 'faithfulness', title: () => 'faithfulness' },
];
const KNEE_COLOR = 3;

export interface SweepChart {
  options: ChartOptions;
  data: uPlot.AlignedData;
}

/** The chart of `sweep` (sorted by p), the knee at index `knee`, in `colors` (the series colours). */
export function sweepChart(sweep: readonly SweepPoint[], knee: number | null, colors: readonly string[]): SweepChart {
  const valuesOf = (m: Measure) => sweep.map((s) => (s[m] !== null && Number.isFinite(s[m]) ? s[m] : null));
  const groups = GROUPS.map((g) => ({ ...g, lines: g.lines.map((l) => ({ ...l, values: valuesOf(l.measure) })).filter((l) => l.values.some((v) => v !== null)) })).filter((g) => g.lines.length > 0);
  const legendValue = (_u: uPlot, v: number | null) => formatValue(v);

  // The first group with values takes the left axis, a second one the right.
  const scaleOf = (gi: number) => (gi === 0 ? 'y' : 'y2');
  const axes: uPlot.Axis[] = [{ label: 'pruned fraction p' }];
  const series: uPlot.Series[] = [{ label: 'p', value: (_u, v) => (v === null ? '' : String(v)) }];
  const data: (number | null)[][] = [sweep.map((s) => s.p)];
  groups.forEach((g, gi) => {
    const names = g.lines.map((l) => l.name);
    axes.push(gi === 0 ? { label: g.axisLabel(names) } : { side: 1, scale: 'y2', label: g.axisLabel(names), grid: { show: false } });
    for (const l of g.lines) {
      series.push({ label: l.name, stroke: colors[l.color], width: 2, scale: scaleOf(gi), points: { show: true }, value: legendValue });
      data.push(l.values);
    }
  });
  // The knee is a point of the Gini curve: it exists only when every p has a Gini value.
  const giniGroup = groups.findIndex((g) => g.lines.some((l) => l.measure === 'sparsity'));
  if (knee !== null && giniGroup !== -1) {
    const fill = colors[KNEE_COLOR];
    series.push({ label: 'knee', stroke: fill, width: 0, scale: scaleOf(giniGroup), points: { show: true, size: 14, fill }, value: legendValue });
    data.push(sweep.map((s, i) => (i === knee ? s.sparsity : null)));
  }
  return {
    options: {
      title: `p sweep (PLRP-λ): ${groups.map((g) => g.title(g.lines.map((l) => l.name))).join(' vs ')}`,
      height: 240,
      scales: { x: { time: false }, ...(groups.length > 1 ? { y2: { auto: true } } : {}) },
      axes,
      series,
    },
    data: data as uPlot.AlignedData,
  };
}
