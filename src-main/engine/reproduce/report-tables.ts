// The reproduction table in two forms: TSV with every statistic (for scripts and spreadsheets) and
// Markdown with mean ± standard deviation over sequences (for the README).
import type { Summary } from '../metrics/aggregate';
import type { ModelSweep } from './sweep-result';
import { REPORT_METRICS } from './sweep-result';

const STATS = ['mean', 'std', 'median', 'q1', 'q3', 'n'] as const;

function num(v: number | undefined, digits = 4): string {
  return v === undefined || !Number.isFinite(v) ? 'NA' : v.toFixed(digits);
}

export function sweepTsv(sweeps: readonly ModelSweep[]): string {
  const header = ['model', 'method', 'p'];
  for (const m of REPORT_METRICS) for (const s of STATS) header.push(`${m.key}_${s}`);
  const lines = [header.join('\t')];
  for (const sw of sweeps) {
    for (const row of sw.rows) {
      const cells = [sw.model, row.method, String(row.p)];
      for (const m of REPORT_METRICS) {
        const s: Summary | null | undefined = m.pick(row.metrics);
        for (const st of STATS) cells.push(s ? (st === 'n' ? String(s.n) : num(s[st], 6)) : 'NA');
      }
      lines.push(cells.join('\t'));
    }
  }
  return lines.join('\n') + '\n';
}

function pm(s: Summary | null | undefined): string {
  return s ? `${num(s.mean, 3)} ± ${num(s.std, 3)}` : '—';
}

export function sweepMarkdown(sweeps: readonly ModelSweep[]): string {
  const shown = REPORT_METRICS.filter((m) => m.key !== 'faith_morf_auc' && m.key !== 'faith_lerf_auc');
  const out: string[] = [];
  for (const sw of sweeps) {
    out.push(`### ${sw.model} (${sw.sequences} held-out sequences)`, '');
    out.push(`| method | p | ${shown.map((m) => `${m.label} ${m.better === 'higher' ? '↑' : '↓'}`).join(' | ')} |`);
    out.push(`|---|---|${shown.map(() => '---').join('|')}|`);
    // LRP does not depend on p, and PLRP at p = 0 is LRP: show that row once.
    for (const row of sw.rows.filter((r) => (r.method === 'lrp') === (r.p === 0))) {
      out.push(`| ${row.method} | ${row.p} | ${shown.map((m) => pm(m.pick(row.metrics))).join(' | ')} |`);
    }
    out.push('');
    for (const r of sw.recommended) out.push(`Recommended p for ${sw.model} with ${r.method}: **${r.p}** (${kneeReason(r.reason)}).`);
    out.push('');
  }
  return out.join('\n');
}

export function kneeReason(reason: string): string {
  switch (reason) {
    case 'knee':
      return 'knee of mean Gini vs mean MoRF − LeRF AUC';
    case 'no-faithfulness-loss':
      return 'faithfulness never dropped, so the sparsest p';
    case 'immediate-loss':
      return 'faithfulness dropped from the first pruning step, so plain LRP';
    default:
      return 'only one usable point';
  }
}
