// Every sequence row of a run, fetched page by page: the service caps a page, and the views that
// sort or summarise over a run need all of its rows (they are small: numbers, no relevance arrays).
import type { SequenceRow } from '../../../../src-main/shared/run-api';
import type { ApiClient } from './client';

/** Rows per request. */
const PAGE = 1000;

export async function allSequenceRows(api: ApiClient, runId: string): Promise<SequenceRow[]> {
  const rows: SequenceRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.invoke('runs:sequences', { runId, offset, limit: PAGE });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}
