// The run list of the Start view and live progress of running runs, fed by the host's events.
import type { RunProgress, RunSummary } from '../../../../src-main/shared/run-api';
import type { ApiClient } from '../api/client';
import { errorMessage } from '../../../../src-main/shared/errors';

export class RunsState {
  runs = $state<RunSummary[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  progress = $state<Record<string, RunProgress>>({});
  notices = $state<string[]>([]);
  /** Why the last Cancel or Resume of a run failed, shown wherever that run's buttons are. */
  actionErrors = $state<Record<string, string>>({});
  private readonly offs: (() => void)[] = [];

  constructor(private readonly api: ApiClient) {}

  /** Subscribes to run events; returns the unsubscribe function. */
  listen(): () => void {
    this.offs.push(
      this.api.on('runs:progress', (p) => {
        this.progress[p.runId] = p;
      }),
      this.api.on('runs:settled', (s) => this.upsert(s)),
      this.api.on('runs:notice', (n) => {
        this.notices = [...this.notices.slice(-4), n.message];
      }),
    );
    return () => this.offs.splice(0).forEach((off) => off());
  }

  upsert(s: RunSummary): void {
    const i = this.runs.findIndex((r) => r.id === s.id);
    if (i === -1) this.runs = [s, ...this.runs];
    else this.runs[i] = s;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.runs = (await this.api.invoke('runs:list', {})).sort((a, b) => b.timings.createdAt - a.timings.createdAt);
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.loading = false;
    }
  }

  /**
   * Re-reads the list while another process computes one of the runs: that process's progress
   * events reach its own window, not this one. Returns the stop function.
   */
  followRunsElsewhere(everyMs = 3000): () => void {
    const timer = setInterval(() => {
      if (!this.runs.some((r) => r.computedElsewhereBy !== null)) return;
      this.api.invoke('runs:list', {}).then((list) => list.forEach((s) => this.upsert(s))).catch(() => undefined);
    }, everyMs);
    return () => clearInterval(timer);
  }

  /** Stops a running run; its summary arrives with the settled event once the batch in flight is done. */
  cancel(runId: string): Promise<void> {
    return this.act(runId, async () => {
      await this.api.invoke('runs:cancel', { runId });
    });
  }

  /** Restarts a cancelled or failed run; the list shows it running at once, wherever it was resumed from. */
  resume(runId: string): Promise<void> {
    return this.act(runId, async () => this.upsert(await this.api.invoke('runs:resume', { runId })));
  }

  private async act(runId: string, f: () => Promise<void>): Promise<void> {
    delete this.actionErrors[runId];
    try {
      await f();
    } catch (e) {
      this.actionErrors[runId] = errorMessage(e);
    }
  }

  /** Deletes a run; a refusal (e.g. another process computes it) shows beside the list like a failed cancel. */
  remove(runId: string): Promise<void> {
    return this.act(runId, async () => {
      await this.api.invoke('runs:delete', { runId });
      this.runs = this.runs.filter((r) => r.id !== runId);
    });
  }
}
