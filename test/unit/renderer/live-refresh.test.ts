// When the views of a running run (Run view, Dashboard) read it again by themselves, and how a
// chart keeps the x range a user zoomed to across those reads.
import { describe, expect, it } from 'vitest';
import { isLive, latestHeard, LIVE_REFRESH_MS, liveRefreshDelay } from '../../../src-renderer/src/lib/util/live-refresh';
import { userXZoom } from '../../../src-renderer/src/lib/charts/chart-zoom';
import type { RunStatus } from '../../../src-main/shared/run-api';

const freshness = (shown: [RunStatus, number], latest: [RunStatus | null, number], sinceReadMs: number) => ({
  shown: { status: shown[0], sequencesDone: shown[1] },
  latest: { status: latest[0], sequencesDone: latest[1] },
  sinceReadMs,
});

describe('live refresh of a running run', () => {
  it('reads a running run again once it has stored more, at most once every few seconds', () => {
    expect(LIVE_REFRESH_MS).toBeGreaterThanOrEqual(2000);
    expect(liveRefreshDelay(freshness(['running', 1024], ['running', 2048], 60_000))).toBe(0);
    expect(liveRefreshDelay(freshness(['running', 1024], ['running', 2048], 1500))).toBe(LIVE_REFRESH_MS - 1500);
    expect(liveRefreshDelay(freshness(['running', 0], ['running', 1024], 0), 3000)).toBe(3000);
  });
  it('leaves the figures alone while the run has stored nothing new', () => {
    // Progress events come with every step of a batch; only stored sequences change the figures.
    expect(liveRefreshDelay(freshness(['running', 1024], ['running', 1024], 60_000))).toBeNull();
    expect(liveRefreshDelay(freshness(['done', 3000], ['done', 3000], 60_000))).toBeNull();
    expect(liveRefreshDelay(freshness(['cancelled', 1024], ['cancelled', 1024], 60_000))).toBeNull();
    // A run the app does not list (deleted elsewhere) is not read in a loop.
    expect(liveRefreshDelay(freshness(['running', 1024], [null, 0], 60_000))).toBeNull();
  });
  it('reads the run once more as soon as it ends, for the final figures and status', () => {
    expect(liveRefreshDelay(freshness(['running', 2048], ['done', 3000], 4000))).toBe(0);
    expect(liveRefreshDelay(freshness(['running', 2048], ['cancelled', 2048], 4000))).toBe(0);
    expect(liveRefreshDelay(freshness(['queued', 0], ['failed', 0], 4000))).toBe(0);
    // Not in a tight loop right after a read, even then.
    expect(liveRefreshDelay(freshness(['running', 2048], ['done', 3000], 200))).toBe(800);
  });
  it('follows a resumed run as it stores more', () => {
    expect(liveRefreshDelay(freshness(['cancelled', 1024], ['running', 2048], 60_000))).toBe(0);
  });
  it('hears of stored sequences from the progress events or the run list, whichever says more', () => {
    // This window's run: progress events run ahead of the list, which changes when the run settles.
    expect(latestHeard({ status: 'running', sequencesDone: 0 }, { done: 2048 })).toEqual({ status: 'running', sequencesDone: 2048 });
    // A run another process computes: no events here, the list is re-read.
    expect(latestHeard({ status: 'running', sequencesDone: 1024 }, undefined)).toEqual({ status: 'running', sequencesDone: 1024 });
    expect(latestHeard(undefined, undefined)).toEqual({ status: null, sequencesDone: 0 });
  });
  it('says the figures update by themselves only while the run computes', () => {
    expect([isLive('queued'), isLive('running'), isLive('done'), isLive('cancelled'), isLive('failed')]).toEqual([true, true, false, false, false]);
  });
});

describe('chart zoom across redraws', () => {
  const xs = [0.1, 0.2, 0.3, 0.4];
  it('is none while the chart shows its data from the first to the last x', () => {
    expect(userXZoom({ min: 0.1, max: 0.4 }, xs)).toBeNull();
    expect(userXZoom({ min: null, max: null }, xs)).toBeNull();
    expect(userXZoom({ min: 0.1, max: 0.4 }, [])).toBeNull();
    // One x value: uPlot pads around it by itself.
    expect(userXZoom({ min: 0, max: 1 }, [0.5])).toBeNull();
  });
  it('is the range the user dragged to', () => {
    expect(userXZoom({ min: 0.15, max: 0.3 }, xs)).toEqual({ min: 0.15, max: 0.3 });
    expect(userXZoom({ min: 0.1, max: 0.3 }, xs)).toEqual({ min: 0.1, max: 0.3 });
  });
});
