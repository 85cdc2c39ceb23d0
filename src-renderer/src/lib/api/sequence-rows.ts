// Every sequence row of a run, fetched page by page: the service caps a page, and the views that
// sort or summarise over a run need all of its rows (they are small: numbers, no relevance arrays).
import { MAX_SEQUENCE_PAGE, type RunSummary, type SequenceRow } from '../../../../src-main/shared/run-api';
import type { ApiClient } from './client';

export async function allSequenceRows(api: ApiClient, runId: string): Promise<SequenceRow[]> {
  const rows: SequenceRow[] = [];
  for (;;) {
    // The next page starts after the rows received: the service may return fewer than asked.
    const page = await api.invoke('runs:sequences', { runId, offset: rows.length, limit: MAX_SEQUENCE_PAGE });
    for (const r of page.rows) rows.push(r);
    if (page.rows.length === 0 || rows.length >= page.total) return rows;
  }
}

/** The last run's rows, so that moving between its Run, Dashboard and Layers views fetches them once. */
let last: { key: string; rows: Promise<SequenceRow[]> } | null = null;

/**
 * Every row of `run`, shared by the views of the run while it is unchanged: a run that stores more
 * sequences, or settles, has a new key and is fetched again. 100,000 rows take seconds to fetch.
 */
export function runSequenceRows(api: ApiClient, run: RunSummary): Promise<SequenceRow[]> {
  const key = `${run.id}:${run.status}:${run.sequencesDone}`;
  if (last?.key !== key) {
    const rows = allSequenceRows(api, run.id);
    last = { key, rows };
    // A failed fetch is not kept: the next view asks again.
    rows.catch(() => {
      if (last?.rows === rows) last = null;
    });
  }
  return last.rows;
}
