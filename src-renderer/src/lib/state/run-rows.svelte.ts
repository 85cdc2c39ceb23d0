// A run and all of its sequence rows, for the views that summarise over every sequence (Dashboard,
// Layers). Their numbers are only shown once every row is in; until then the view says how many
// have arrived (a run of 100,000 sequences takes seconds).
import type { RunSummary, SequenceRow } from '../../../../src-main/shared/run-api';
import { errorMessage } from '../../../../src-main/shared/errors';
import type { ApiClient } from '../api/client';
import { runSequenceRows } from '../api/sequence-rows';

export class RunRowsState {
  run = $state<RunSummary | null>(null);
  /** Every row, once all have arrived (empty before). */
  rows = $state.raw<SequenceRow[]>([]);
  ready = $state(false);
  error = $state<string | null>(null);
  private received = $state<{ rows: number; total: number } | null>(null);
  /** Counts load() calls: a slower earlier load must not overwrite a later one. */
  private loads = 0;

  /** What a loading view shows. */
  readonly loadingText = $derived(this.received ? `Loading sequences: ${this.received.rows.toLocaleString('en-US')} of ${this.received.total.toLocaleString('en-US')}…` : 'Loading…');

  constructor(private readonly api: ApiClient) {}

  /**
   * Reads the run and its rows. `keepShown` reads them again behind what is shown (a running run
   * has stored more): the run and rows change together once all rows are in, so a view does not
   * fall back to its loading text, and what the user set up in it stays.
   */
  async load(runId: string, { keepShown = false } = {}): Promise<void> {
    const load = ++this.loads;
    if (!keepShown) [this.run, this.rows, this.ready, this.error, this.received] = [null, [], false, null, null];
    try {
      const run = await this.api.invoke('runs:get', { runId });
      if (load !== this.loads) return;
      if (!keepShown) this.run = run;
      const rows = await runSequenceRows(this.api, run, (soFar, total) => {
        if (load === this.loads && !keepShown) this.received = { rows: soFar.length, total };
      });
      if (load !== this.loads) return;
      [this.run, this.rows, this.ready, this.error] = [run, rows, true, null];
    } catch (e) {
      if (load === this.loads) this.error = errorMessage(e);
    }
  }
}
