// The sequence the user is looking at, per run, shared across views: the Run view records the one
// selected in its table, Layers opens on it (and records a change), and the Run view reopens on it.
// App.svelte provides one instance as a Svelte context, so views need no extra props.
import { getContext, hasContext, setContext } from 'svelte';

export class SequenceFocus {
  private byRun = $state<Record<string, number>>({});

  /** The sequence last looked at in this run, or null when none was. */
  of(runId: string): number | null {
    return this.byRun[runId] ?? null;
  }
  set(runId: string, sequenceIndex: number): void {
    if (this.byRun[runId] !== sequenceIndex) this.byRun[runId] = sequenceIndex;
  }
}

const KEY = Symbol('sequence-focus');

/** Call during App's initialisation. */
export function provideSequenceFocus(focus: SequenceFocus): void {
  setContext(KEY, focus);
}

/** Call during a component's initialisation; null outside the app (a view mounted on its own). */
export function sequenceFocus(): SequenceFocus | null {
  return hasContext(KEY) ? getContext<SequenceFocus>(KEY) : null;
}
