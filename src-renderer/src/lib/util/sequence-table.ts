// Sorting and filtering of the Run view's sequence table. Sort keys: name, prediction (target
// logit), relevance (Σ of an explanation), motif hits, or a metric of an explanation. Missing values
// sort last in either direction, so "best first" never starts with blanks.
import type { MetricName, SequenceRow } from '../../../../src-main/shared/run-api';

export type SortKey =
  | { kind: 'index' }
  | { kind: 'name' }
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
    case 'prediction':
      return row.logit;
    case 'hits':
      return row.motifHits;
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
  return kept.sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const ma = va === undefined || (typeof va === 'number' && Number.isNaN(va));
    const mb = vb === undefined || (typeof vb === 'number' && Number.isNaN(vb));
    if (ma || mb) return ma === mb ? a.index - b.index : ma ? 1 : -1;
    const c = typeof va === 'string' ? va.localeCompare(vb as string) : (va as number) - (vb as number);
    return c === 0 ? a.index - b.index : dir * c;
  });
}
