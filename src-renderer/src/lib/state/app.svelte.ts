// Top-level UI state: which view is shown, which run is open, and the theme. Views change through
// these methods only, so keyboard shortcuts, nav buttons and tests all go the same way.
export type ViewName = 'start' | 'new-run' | 'run' | 'layers' | 'dashboard' | 'settings';

export class AppState {
  view = $state<ViewName>('start');
  runId = $state<string | null>(null);
  theme = $state<'light' | 'dark'>('light');

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
