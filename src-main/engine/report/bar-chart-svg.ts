// Small-multiple bar charts of the run's metric summary: one panel per metric, one bar per
// explanation (mean, with a whisker from q1 to q3), so methods can be compared at a glance.
import { escapeHtml as esc, fmt } from './html-escape';

export interface Bar { label: string; value: number; lo?: number; hi?: number }
export interface BarPanel { title: string; bars: Bar[] }

const PW = 220;
const PH = 170;
const COLORS = ['#555555', '#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#66a61e'];

export function barChartSvg(title: string, panels: readonly BarPanel[]): string {
  const width = Math.max(PW * panels.length, 300);
  const height = PH + 50;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<title>${esc(title)}</title><rect width="100%" height="100%" fill="#fff"/>`];
  panels.forEach((panel, k) => {
    const x0 = k * PW + 40;
    const values = panel.bars.flatMap((b) => [b.value, b.lo ?? b.value, b.hi ?? b.value]).filter(Number.isFinite);
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    const span = hi - lo || 1;
    const y = (v: number): number => 30 + (PH - 40) * (1 - (v - lo) / span);
    out.push(`<text x="${x0 + (PW - 50) / 2}" y="16" font-size="11" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`);
    out.push(`<line x1="${x0}" y1="${y(0)}" x2="${x0 + PW - 50}" y2="${y(0)}" stroke="#333" stroke-width="0.6"/>`);
    out.push(`<text x="${x0 - 4}" y="${y(hi) + 4}" font-size="9" text-anchor="end">${fmt(hi)}</text><text x="${x0 - 4}" y="${y(lo) + 4}" font-size="9" text-anchor="end">${fmt(lo)}</text>`);
    const bw = (PW - 60) / Math.max(panel.bars.length, 1);
    panel.bars.forEach((b, i) => {
      const bx = x0 + 5 + i * bw;
      const top = Math.min(y(b.value), y(0));
      out.push(`<rect x="${bx.toFixed(1)}" y="${top.toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${Math.abs(y(b.value) - y(0)).toFixed(1)}" fill="${COLORS[i % COLORS.length]}"><title>${esc(b.label)}: ${fmt(b.value)}</title></rect>`);
      if (b.lo !== undefined && b.hi !== undefined) {
        const cx = bx + bw * 0.35;
        out.push(`<line x1="${cx.toFixed(1)}" y1="${y(b.lo).toFixed(1)}" x2="${cx.toFixed(1)}" y2="${y(b.hi).toFixed(1)}" stroke="#000"/>`);
      }
      out.push(`<text transform="translate(${(bx + bw * 0.35).toFixed(1)} ${PH + 2}) rotate(30)" font-size="9">${esc(b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label)}</text>`);
    });
  });
  out.push('</svg>');
  return out.join('');
}
