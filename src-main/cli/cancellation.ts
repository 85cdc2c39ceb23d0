// Ctrl-C cancels the running command through an AbortSignal (the engine checks it between batches
// and segments); the command then exits with 130. A second Ctrl-C exits at once.
import { AppError } from '../shared/errors';

export async function withCancellation<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await work(controller.signal);
    if (controller.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
    return result;
  } catch (e) {
    if (controller.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
