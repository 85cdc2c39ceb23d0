// A small dependency-free SVG line chart with error bars: the reproduction's "metric vs p per
// method" figures. Pure string output, so it is unit-tested and written by the CLI without a browser.
// Panels (one per model) share the y axis so models can be compared at a glance.

export interface ChartPoint {
  x: number;
  y: number;
  /** Error bar ends (e.g. mean ± std); omitted = no bar. */
  lo?: number;
  hi?: number;
}

export interface ChartSeries {
  label: string;
  color: string;
  points: ChartPoint[];
}

export interface ChartPanel {
  title: string;
  series: ChartSeries[];
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  panels: ChartPanel[];
}

const PANEL_W = 340;
const PANEL_H = 250;
const M = { left: 58, right: 14, top: 50, bottom: 46 };
const LEGEND_H = 22;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** 3–6 round tick values covering [lo, hi] (Heckbert's "nice numbers"). */
export function niceTicks(lo: number, hi: number, target = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function extent(chart: Chart, pick: (p: ChartPoint) => number[]): [number, number] {
  const vals = chart.panels.flatMap((pa) => pa.series.flatMap((s) => s.points.flatMap(pick))).filter(Number.isFinite);
  if (vals.length === 0) return [0, 1];
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

export function lineChartSvg(chart: Chart): string {
  const [x0, x1] = extent(chart, (p) => [p.x]);
  const [y0, y1] = extent(chart, (p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]);
  const width = PANEL_W * chart.panels.length;
  const height = PANEL_H + LEGEND_H;
  const innerW = PANEL_W - M.left - M.right;
  const innerH = PANEL_H - M.top - M.bottom;
  const sx = (x: number): number => M.left + ((x - x0) / (x1 - x0)) * innerW;
  const sy = (y: number): number => M.top + (1 - (y - y0) / (y1 - y0)) * innerH;
  const f = (v: number): string => v.toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  chart.panels.forEach((panel, k) => {
    out.push(`<g transform="translate(${k * PANEL_W},0)">`);
    out.push(`<text x="${M.left + innerW / 2}" y="${M.top - 12}" text-anchor="middle" font-size="12">${escapeXml(panel.title)}</text>`);
    out.push(`<rect x="${M.left}" y="${M.top}" width="${innerW}" height="${innerH}" fill="none" stroke="#888"/>`);
    for (const t of niceTicks(y0, y1)) {
      out.push(`<line x1="${M.left - 4}" x2="${M.left + innerW}" y1="${f(sy(t))}" y2="${f(sy(t))}" stroke="#eee"/>`);
      out.push(`<text x="${M.left - 6}" y="${f(sy(t) + 4)}" text-anchor="end">${escapeXml(String(t))}</text>`);
    }
    for (const t of niceTicks(x0, x1)) {
      out.push(`<line x1="${f(sx(t))}" x2="${f(sx(t))}" y1="${M.top + innerH}" y2="${M.top + innerH + 4}" stroke="#888"/>`);
      out.push(`<text x="${f(sx(t))}" y="${M.top + innerH + 16}" text-anchor="middle">${escapeXml(String(t))}</text>`);
    }
    out.push(`<text x="${M.left + innerW / 2}" y="${PANEL_H - 8}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`);
    out.push(
      `<text transform="translate(14,${M.top + innerH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
    );
    panel.series.forEach((s, si) => {
      // Nudge series sideways so error bars at the same p do not hide each other.
      const dx = (si - (panel.series.length - 1) / 2) * 3;
      const pts = s.points.filter((p) => Number.isFinite(p.y));
      for (const p of pts) {
        if (p.lo !== undefined && p.hi !== undefined && Number.isFinite(p.lo) && Number.isFinite(p.hi)) {
          out.push(`<line x1="${f(sx(p.x) + dx)}" x2="${f(sx(p.x) + dx)}" y1="${f(sy(p.lo))}" y2="${f(sy(p.hi))}" stroke="${s.color}" stroke-opacity="0.6"/>`);
        }
      }
      const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(sx(p.x) + dx)},${f(sy(p.y))}`).join(' ');
      if (path) out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
      for (const p of pts) out.push(`<circle cx="${f(sx(p.x) + dx)}" cy="${f(sy(p.y))}" r="3" fill="${s.color}"/>`);
    });
    out.push('</g>');
  });
  const labels = chart.panels[0]?.series ?? [];
  labels.forEach((s, i) => {
    const x = 20 + i * 130;
    out.push(`<rect x="${x}" y="${PANEL_H + 4}" width="14" height="4" fill="${s.color}"/>`);
    out.push(`<text x="${x + 18}" y="${PANEL_H + 10}">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
