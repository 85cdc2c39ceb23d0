// The reproduction's figures: one SVG per metric, metric (mean ± std over sequences) against p,
// one line per method, one panel per model.
import type { Method } from '../../shared/explain-config';
import type { Chart } from './svg-chart';
import { lineChartSvg } from './svg-chart';
import type { ModelSweep } from './sweep-result';
import { REPORT_METRICS } from './sweep-result';

const COLORS: Record<Method, string> = { lrp: '#555555', 'plrp-lambda': '#d95f02', 'plrp-m': '#1b9e77' };
const LABELS: Record<Method, string> = { lrp: 'LRP', 'plrp-lambda': 'PLRP-λ', 'plrp-m': 'PLRP-M' };

/** file name → SVG text */
export function sweepPlots(sweeps: readonly ModelSweep[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const metric of REPORT_METRICS) {
    const chart: Chart = {
      title: `${metric.label} vs pruned fraction p (${metric.better} is better)`,
      xLabel: 'p',
      yLabel: `${metric.label} (mean ± std)`,
      panels: sweeps.map((sw) => ({
        title: sw.model,
        series: (['lrp', 'plrp-lambda', 'plrp-m'] as const).map((method) => ({
          label: LABELS[method],
          color: COLORS[method],
          points: sw.rows
            .filter((r) => r.method === method)
            .flatMap((r) => {
              const s = metric.pick(r.metrics);
              return s ? [{ x: r.p, y: s.mean, lo: s.mean - s.std, hi: s.mean + s.std }] : [];
            }),
        })),
      })),
    };
    if (chart.panels.some((p) => p.series.some((s) => s.points.length > 0))) files.set(`${metric.key}.svg`, lineChartSvg(chart));
  }
  return files;
}
