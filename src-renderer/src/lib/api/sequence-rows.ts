// Every sequence row of a run, fetched page by page: the service caps a page, and the views that
// sort or summarise over a run need all of its rows (they are small: numbers, no relevance arrays).
// 100,000 rows take seconds to arrive, so a view may also follow the rows received so far.
import { MAX_SEQUENCE_PAGE, type RunSummary, type SequenceRow } from '../../../../src-main/shared/run-api';
import type { ApiClient } from './client';

/** The rows received so far (a new array each time) and the run's number of sequences. */
export type RowsSoFar = (rows: SequenceRow[], total: number) => void;

export async function allSequenceRows(api: ApiClient, runId: string, onPage?: RowsSoFar): Promise<SequenceRow[]> {
  const rows: SequenceRow[] = [];
  for (;;) {
    // The next page starts after the rows received: the service may return fewer than asked.
    const page = await api.invoke('runs:sequences', { runId, offset: rows.length, limit: MAX_SEQUENCE_PAGE });
    for (const r of page.rows) rows.push(r);
    const done = page.rows.length === 0 || rows.length >= page.total;
    if (!done) onPage?.(rows.slice(), page.total);
    if (done) return rows;
  }
}

/** The last run's rows, so that moving between its Run, Dashboard and Layers views fetches them once. */
interface SharedRows {
  key: string;
  rows: Promise<SequenceRow[]>;
  soFar: { rows: SequenceRow[]; total: number } | null;
  /** Views following the rows before all are in; emptied when the fetch ends. */
  followers: Set<RowsSoFar>;
  ended: boolean;
}
let last: SharedRows | null = null;

/**
 * Every row of `run`, shared by the views of the run while it is unchanged: a run that stores more
 * sequences, or settles, has a new key and is fetched again. `onPage` follows the rows received
 * before all are in (at once with those already received); it is not called for the complete set,
 * which the promise gives.
 */
export function runSequenceRows(api: ApiClient, run: RunSummary, onPage?: RowsSoFar): Promise<SequenceRow[]> {
  const key = `${run.id}:${run.status}:${run.sequencesDone}`;
  if (last?.key !== key) {
    const shared: SharedRows = { key, rows: Promise.resolve([]), soFar: null, followers: new Set(), ended: false };
    shared.rows = allSequenceRows(api, run.id, (rows, total) => {
      shared.soFar = { rows, total };
      for (const follow of [...shared.followers]) follow(rows, total);
    });
    last = shared;
    // Followers stop with the fetch; a failed fetch is not kept: the next view asks again.
    const end = () => {
      shared.ended = true;
      shared.followers.clear();
    };
    shared.rows.then(end, () => {
      end();
      if (last === shared) last = null;
    });
  }
  if (onPage && !last.ended) {
    if (last.soFar) onPage(last.soFar.rows, last.soFar.total);
    last.followers.add(onPage);
  }
  return last.rows;
}
