// Ctrl-C (SIGINT) for the commands that cancel cleanly: the first one cancels, a later one quits at
// once. A SIGINT that follows the first within REPEAT_WINDOW_MS is the same interrupt delivered
// twice, not a second Ctrl-C: `timeout -s INT` signals the command and then its whole process
// group, and a wrapper (npx, a shell script) may forward the one the terminal already sent to the
// group. Counting it as "force quit" made such a cancel exit 130 at random with nothing said.

/** Shorter than two deliberate key presses, longer than a relay of the same signal. */
export const REPEAT_WINDOW_MS = 1000;

export type InterruptKind = 'cancel' | 'repeat' | 'force-quit';

/** Classifies each SIGINT of a command by its arrival time (`now`, ms). */
export function interruptClassifier(): (now: number) => InterruptKind {
  let first: number | null = null;
  return (now) => {
    if (first === null) {
      first = now;
      return 'cancel';
    }
    return now - first < REPEAT_WINDOW_MS ? 'repeat' : 'force-quit';
  };
}

export interface InterruptHandlers {
  /** The first Ctrl-C: stop the work and keep what can be kept. */
  cancel: () => void;
  /** A second, deliberate Ctrl-C: say what is kept, release files and the cache, then exit 130 (synchronously). */
  forceQuit: () => void;
}

/** Listens for SIGINT until the returned function is called; `interrupted()` says whether one came. */
export function onInterrupts(handlers: InterruptHandlers, now: () => number = Date.now): { interrupted: () => boolean; stop: () => void } {
  const classify = interruptClassifier();
  let count = 0;
  const onSigint = () => {
    count++;
    const kind = classify(now());
    if (kind === 'cancel') handlers.cancel();
    else if (kind === 'force-quit') handlers.forceQuit();
  };
  process.on('SIGINT', onSigint);
  return { interrupted: () => count > 0, stop: () => process.off('SIGINT', onSigint) };
}
