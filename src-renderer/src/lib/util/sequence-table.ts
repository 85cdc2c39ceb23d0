// Sorting and filtering of the Run view's sequence table. Sort keys: name, target (the output a row
// explains), prediction (target logit), relevance (Σ of an explanation), motif hits, or a metric of an explanation. Missing values
// sort last in either direction, so "best first" never starts with blanks.
import type { MetricName, SequenceRow } from '../../../../src-main/shared/run-api';

export type SortKey =
  | { kind: 'index' }
  | { kind: 'name' }
  | { kind: 'target' }
  | { kind: 'prediction' }
  | { kind: 'hits' }
  | { kind: 'relevance'; explanationId: string }
  | { kind: 'metric'; explanationId: string; metric: MetricName };

export interface SortSpec {
  key: SortKey;
  descending: boolean;
}

export function sortValue(row: SequenceRow, key: SortKey): number | string | undefined {
  switch (key.kind) {
    case 'index':
      return row.index;
    case 'name':
      return row.name;
    case 'target':
      return row.target;
    case 'prediction':
      return row.logit;
    case 'hits':
      return row.motifHits ?? undefined;
    case 'relevance':
      return row.explanations[key.explanationId]?.sum;
    case 'metric':
      return row.explanations[key.explanationId]?.metrics[key.metric];
  }
}

export function sortKeyId(key: SortKey): string {
  return key.kind === 'relevance' ? `relevance:${key.explanationId}` : key.kind === 'metric' ? `metric:${key.explanationId}:${key.metric}` : key.kind;
}

export function filterAndSort(rows: readonly SequenceRow[], filter: string, sort: SortSpec): SequenceRow[] {
  const needle = filter.trim().toLowerCase();
  const kept = needle ? rows.filter((r) => r.name.toLowerCase().includes(needle)) : [...rows];
  const dir = sort.descending ? -1 : 1;
  // A plain copy: the sort spec may be reactive state, and a proxy read in every comparison made
  // sorting 100,000 rows take a second.
  const key = { ...sort.key } as SortKey;
  return kept.sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    const ma = va === undefined || (typeof va === 'number' && Number.isNaN(va));
    const mb = vb === undefined || (typeof vb === 'number' && Number.isNaN(vb));
    if (ma || mb) return ma === mb ? a.index - b.index : ma ? 1 : -1;
    const c = typeof va === 'string' ? va.localeCompare(vb as string) : (va as number) - (vb as number);
    return c === 0 ? a.index - b.index : dir * c;
  });
}

/**
 * The rows a scrolled table shows, plus `overscan` rows on each side so a fast scroll does not
 * flash blank: [first, end) of `total` rows of `rowPx` each, for a viewport of `viewportPx` at
 * `scrollTop`. A run of 100,000 sequences renders a few dozen rows, not 100,000.
 */
export function visibleRowRange(scrollTop: number, viewportPx: number, rowPx: number, total: number, overscan = 10): { first: number; end: number } {
  const top = Math.max(0, Math.floor(scrollTop / rowPx));
  const first = Math.max(0, Math.min(total, top) - overscan);
  const end = Math.min(total, top + Math.ceil(Math.max(viewportPx, rowPx) / rowPx) + overscan);
  return { first, end: Math.max(first, end) };
}

/** scrollTop that brings row `i` into a viewport at `scrollTop` (unchanged if it is already in view). */
export function scrollToShow(i: number, scrollTop: number, viewportPx: number, rowPx: number, headerPx = 0): number {
  const top = i * rowPx;
  const visible = Math.max(rowPx, viewportPx - headerPx);
  if (top < scrollTop) return top;
  if (top + rowPx > scrollTop + visible) return top + rowPx - visible;
  return scrollTop;
}

/** How a row's target reads: the output's name when the model names its outputs, else its index; — before the row is computed. */
export function targetLabel(target: number, labels: readonly string[] | null): string {
  if (target < 0) return '—';
  return labels?.[target] ?? `output ${target}`;
}

