// Ctrl-C cancels the running command through an AbortSignal (the engine checks it between batches
// and segments); the command then exits with 130. A second Ctrl-C (not the same one delivered
// twice, see ./interrupts) quits at once: it says what was kept and removes the temporary output.
// A Ctrl-C that comes after the command could no longer stop (its output was complete) does not
// turn a finished command into a cancelled one: a script checking the exit code would throw a
// good file away.
import { rmSync } from 'node:fs';
import { AppError } from '../shared/errors';
import { onInterrupts } from './interrupts';
import { EXIT_CANCELLED } from './exit-codes';

/** Partial outputs being written (out.json's temporary file): a forced quit removes them, as a cancel does. */
const temporaryFiles = new Set<string>();

/** Registers a temporary file for removal on a forced quit; call the returned function once it is renamed or removed. */
export function discardOnForcedQuit(path: string): () => void {
  temporaryFiles.add(path);
  return () => temporaryFiles.delete(path);
}

/** `cancelledMessage` tells the user what a cancel kept (or did not). */
export async function withCancellation<T>(work: (signal: AbortSignal) => Promise<T>, cancelledMessage = 'cancelled'): Promise<T> {
  const controller = new AbortController();
  const interrupts = onInterrupts({
    cancel: () => controller.abort(),
    forceQuit: () => {
      for (const path of temporaryFiles) rmSync(path, { force: true });
      // A new line: on a terminal the progress bar is drawn on the current one.
      process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}plrp: second Ctrl-C, quit at once: ${cancelledMessage}\n`);
      process.exit(EXIT_CANCELLED);
    },
  });
  try {
    const result = await work(controller.signal);
    if (controller.signal.aborted) process.stderr.write('plrp: Ctrl-C came after the work had finished; its output is complete\n');
    return result;
  } catch (e) {
    if (controller.signal.aborted) throw new AppError('CANCELLED', cancelledMessage);
    throw e;
  } finally {
    interrupts.stop();
  }
}
