// The run list of the Start view and live progress of running runs, fed by the host's events.
import type { RunProgress, RunSummary } from '../../../../src-main/shared/run-api';
import type { ApiClient } from '../api/client';

export class RunsState {
  runs = $state<RunSummary[]>([]);
  loading = $state(false);
  error = $state<string | null>(null);
  progress = $state<Record<string, RunProgress>>({});
  notices = $state<string[]>([]);
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
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.loading = false;
    }
  }

  async remove(runId: string): Promise<void> {
    await this.api.invoke('runs:delete', { runId });
    this.runs = this.runs.filter((r) => r.id !== runId);
  }
}
