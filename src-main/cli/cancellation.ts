// Ctrl-C cancels the running command through an AbortSignal (the engine checks it between batches
// and segments); the command then exits with 130. A second Ctrl-C exits at once. A Ctrl-C that
// comes after the command could no longer stop (its output was complete) does not turn a finished
// command into a cancelled one: a script checking the exit code would throw a good file away.
import { AppError } from '../shared/errors';

/** `cancelledMessage` tells the user what a cancel kept (or did not). */
export async function withCancellation<T>(work: (signal: AbortSignal) => Promise<T>, cancelledMessage = 'cancelled'): Promise<T> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await work(controller.signal);
    if (controller.signal.aborted) process.stderr.write('plrp: Ctrl-C came after the work had finished; its output is complete\n');
    return result;
  } catch (e) {
    if (controller.signal.aborted) throw new AppError('CANCELLED', cancelledMessage);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
