// Top-level UI state: which view is shown, which run is open, which of its sequences, and the theme. Views change through
// these methods only, so keyboard shortcuts, nav buttons and tests all go the same way.
import { SequenceFocus } from './sequence-focus.svelte';

export type ViewName = 'start' | 'new-run' | 'run' | 'layers' | 'dashboard' | 'settings';

export class AppState {
  view = $state<ViewName>('start');
  runId = $state<string | null>(null);
  theme = $state<'light' | 'dark'>('light');
  /** The sequence looked at per run, shared by the Run and Layers views. */
  readonly sequences = new SequenceFocus();

  /** Views that need an open run fall back to Start when there is none. */
  show(view: ViewName): void {
    this.view = (view === 'run' || view === 'layers' || view === 'dashboard') && !this.runId ? 'start' : view;
  }
  openRun(runId: string, view: ViewName = 'run'): void {
    this.runId = runId;
    this.view = view;
  }
  closeRun(): void {
    this.runId = null;
    this.view = 'start';
  }
}
