// The report's Warnings section: the caveats the app shows as "⚠ N sequences have warnings" (a
// sequence shorter than the model's input, mostly N, non-finite or PLRP-magnified relevance), so
// a reader of the report sees them before the figures and numbers they qualify. out.json keeps
// them per sequence under `warnings` (a cached run's report document reads them from the cache).
import { countOf } from '../../shared/count-of';
import { escapeHtml as esc } from './html-escape';
import type { OutJson } from './out-json';
import { htmlTable, nameCell } from './report-table';

/** Sequences listed; a run with many more says how many it leaves out. */
export const MAX_WARNING_ROWS = 50;

/** The section's body, or null when no sequence has a warning (the report then says nothing). */
export function warningsSection(d: OutJson, max = MAX_WARNING_ROWS): string | null {
  const warned = d.sequences.filter((s) => (s.warnings?.length ?? 0) > 0);
  if (warned.length === 0) return null;
  const verb = warned.length === 1 ? 'has a warning' : 'have warnings';
  const head = `<p class="notice">⚠ ${esc(countOf(warned.length, 'sequence'))} ${verb} that may make ${warned.length === 1 ? 'its results' : 'their results'} mislead.</p>`;
  const rows = warned.slice(0, max).map((s) => [nameCell(s.name), (s.warnings ?? []).map((w) => `<div class="warning">${esc(w)}</div>`).join('')]);
  const more = warned.length > max
    ? `<p class="left-out">The first ${max.toLocaleString('en-US')} are listed: ${esc(countOf(warned.length - max, 'more sequence'))} with warnings ${warned.length - max === 1 ? 'is' : 'are'} not.</p>`
    : '';
  return head + htmlTable([{ label: 'sequence', kind: 'name' }, 'warning'], rows) + more;
}
