// Plain-text tables for the terminal: right-aligned numbers, left-aligned text, one title line.
export type Cell = string | number | boolean | null;

function show(c: Cell): string {
  if (c === null) return '—';
  if (typeof c === 'boolean') return c ? 'yes' : 'NO';
  return String(c);
}

export function formatTable(title: string, headers: string[], rows: Cell[][]): string {
  const cells = rows.map((r) => r.map(show));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
  const line = (r: string[], raw: Cell[] | null) =>
    r.map((c, i) => (raw && typeof raw[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [`\n${title}`, line(headers, null), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map((r, k) => line(r, rows[k]))].join('\n');
}
