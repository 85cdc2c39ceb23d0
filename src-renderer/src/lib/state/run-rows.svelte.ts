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

  async load(runId: string): Promise<void> {
    const load = ++this.loads;
    [this.run, this.rows, this.ready, this.error, this.received] = [null, [], false, null, null];
    try {
      const run = await this.api.invoke('runs:get', { runId });
      if (load !== this.loads) return;
      this.run = run;
      const rows = await runSequenceRows(this.api, run, (soFar, total) => {
        if (load === this.loads) this.received = { rows: soFar.length, total };
      });
      if (load !== this.loads) return;
      this.rows = rows;
      this.ready = true;
    } catch (e) {
      if (load === this.loads) this.error = errorMessage(e);
    }
  }
}
