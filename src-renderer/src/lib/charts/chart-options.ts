// What every Dashboard chart shares: the theme's colours and a legend that is quiet until hovered.
// uPlot draws axes on a canvas, where CSS does not reach: its defaults are black text and a faint
// black grid, unreadable on the dark theme, so each axis is given the theme's colours here.
import type uPlot from 'uplot';

/** The options the chart component takes (it supplies width, and a default height). */
export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'> & { height?: number };

export interface ChartColors {
  /** Axis titles and tick labels. */
  text: string;
  /** Grid lines and ticks. */
  grid: string;
  /** The page behind the chart: the inside of hollow points. */
  background: string;
}

/** The theme's colours, from the CSS variables of styles.css on `root`. */
export function readChartColors(root: Element = document.documentElement): ChartColors {
  const style = getComputedStyle(root);
  const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { text: css('--fg', '#1f2328'), grid: css('--border', '#d0d7de'), background: css('--bg', '#ffffff') };
}

/** The class on the chart's root while no point is hovered: its legend shows names and colours only. */
export const LEGEND_IDLE_CLASS = 'legend-idle';

/**
 * `options` in the theme's colours (a chart's own axis or point colours win), with a hook that marks
 * the legend idle whenever the cursor is off the data, so the legend hides its value cells ("--")
 * then instead of showing a row of dashes.
 */
export function themedChartOptions(options: ChartOptions, colors: ChartColors): ChartOptions {
  const markIdle = (u: uPlot) => u.root.classList.toggle(LEGEND_IDLE_CLASS, u.legend.idx == null);
  return {
    ...options,
    // Without axes uPlot draws an x and a y axis of its own: theme those two.
    axes: (options.axes ?? [{}, {}]).map((axis) => ({
      stroke: colors.text,
      ...axis,
      grid: { stroke: colors.grid, width: 1, ...axis.grid },
      ticks: { stroke: colors.grid, width: 1, ...axis.ticks },
    })),
    // uPlot fills hollow points white, a white dot on the dark theme.
    series: options.series.map((s, i) => (i === 0 ? s : { ...s, points: { fill: colors.background, ...s.points } })),
    hooks: { ...options.hooks, setLegend: [...(options.hooks?.setLegend ?? []), markIdle] },
  };
}
