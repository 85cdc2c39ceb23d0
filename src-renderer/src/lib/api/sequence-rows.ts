// Every sequence row of a run, fetched page by page: the service caps a page, and the views that
// sort or summarise over a run need all of its rows (they are small: numbers, no relevance arrays).
import { MAX_SEQUENCE_PAGE, type SequenceRow } from '../../../../src-main/shared/run-api';
import type { ApiClient } from './client';


export async function allSequenceRows(api: ApiClient, runId: string): Promise<SequenceRow[]> {
  const rows: SequenceRow[] = [];
  for (;;) {
    // The next page starts after the rows received: the service may return fewer than asked.
    const page = await api.invoke('runs:sequences', { runId, offset: rows.length, limit: MAX_SEQUENCE_PAGE });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}
