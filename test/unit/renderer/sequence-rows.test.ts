// The views that sort or summarise a run fetch all of its rows page by page. A service may return
// fewer rows than asked (it caps a page), so the next page starts after the rows received.
import { describe, expect, it } from 'vitest';
import { allSequenceRows, runSequenceRows } from '../../../src-renderer/src/lib/api/sequence-rows';
import type { ApiClient } from '../../../src-renderer/src/lib/api/client';
import type { RunSummary, SequencePageRequest, SequenceRow } from '../../../src-main/shared/run-api';

/** A run of `total` rows served `cap` at a time, recording each request. */
function pagedRun(total: number, cap: number): { api: ApiClient; requests: SequencePageRequest[] } {
  const rows = Array.from({ length: total }, (_, index) => ({ index, name: `s${index}` }) as SequenceRow);
  const requests: SequencePageRequest[] = [];
  const invoke = async (channel: string, request: SequencePageRequest) => {
    if (channel !== 'runs:sequences') throw new Error(`unexpected channel ${channel}`);
    requests.push(request);
    const offset = request.offset ?? 0;
    return { total, rows: rows.slice(offset, offset + Math.min(cap, request.limit ?? 100)) };
  };
  return { api: { invoke } as unknown as ApiClient, requests };
}

describe('allSequenceRows', () => {
  it('gets every row once, in order, when the service returns smaller pages than asked', async () => {
    const { api, requests } = pagedRun(25, 10);
    const rows = await allSequenceRows(api, 'r');
    expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(requests.map((r) => r.offset)).toEqual([0, 10, 20]);
  });

  it('asks once for a small run, and once for an empty one', async () => {
    expect((await allSequenceRows(pagedRun(40, 10_000).api, 'r')).length).toBe(40);
    const empty = pagedRun(0, 10_000);
    expect(await allSequenceRows(empty.api, 'r')).toEqual([]);
    expect(empty.requests).toHaveLength(1);
  });
});

describe('runSequenceRows', () => {
  const summary = (id: string, sequencesDone: number, status: RunSummary['status'] = 'done') => ({ id, status, sequencesDone }) as RunSummary;

  it('fetches a run\'s rows once for all its views, and again once the run has changed', async () => {
    const { api, requests } = pagedRun(25, 10);
    const first = await runSequenceRows(api, summary('a', 25));
    expect(await runSequenceRows(api, summary('a', 25))).toBe(first);
    expect(requests).toHaveLength(3);
    await runSequenceRows(api, summary('a', 25, 'cancelled'));
    await runSequenceRows(api, summary('b', 25));
    await runSequenceRows(api, summary('a', 25));
    expect(requests).toHaveLength(12);
  });
});

describe('following a run\'s rows while they arrive', () => {
  const summary = (id: string) => ({ id, status: 'done', sequencesDone: 25 }) as RunSummary;

  it('shows each page as it arrives, then the promise gives all rows', async () => {
    const seen: [number, number][] = [];
    const rows = await runSequenceRows(pagedRun(25, 10).api, summary('follow-1'), (soFar, total) => seen.push([soFar.length, total]));
    expect(seen).toEqual([[10, 25], [20, 25]]);
    expect(rows).toHaveLength(25);
  });

  it('gives a view that joins during the fetch the rows received so far, then the rest', async () => {
    const { api } = pagedRun(25, 10);
    const joined: number[] = [];
    let all: Promise<unknown> | null = null;
    const first = runSequenceRows(api, summary('follow-2'), () => {
      // The second view opens after the first page, as the Dashboard would next to the Run view.
      if (!all) all = runSequenceRows(api, summary('follow-2'), (rows) => joined.push(rows.length));
    });
    await first;
    expect(joined).toEqual([10, 20]);
    expect(await all).toBe(await first);
  });

  it('does not call a view back once every row is in', async () => {
    const { api } = pagedRun(25, 10);
    await runSequenceRows(api, summary('follow-3'));
    const late: number[] = [];
    expect(await runSequenceRows(api, summary('follow-3'), (rows) => late.push(rows.length))).toHaveLength(25);
    expect(late).toEqual([]);
  });
});
