// What a pool worker sends back for a task. Errors cross the thread boundary as an ErrorPayload
// (code + message) because structured cloning drops an AppError's class and code; typed-array
// results are *moved* (transferred), never copied (architecture.md, piscina notes).
import { Piscina } from 'piscina';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors';

export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; error: ErrorPayload };

/** A task's value together with the buffers to transfer instead of copy. */
export interface Movable<R> {
  value: R;
  transfer: ArrayBuffer[];
}

/** Runs a worker task body and packs its outcome for piscina, transferring the listed buffers. */
export async function runWorkerTask<R>(body: () => Promise<Movable<R>>): Promise<unknown> {
  try {
    const { value, transfer } = await body();
    const outcome: TaskOutcome<R> = { ok: true, value };
    const unique = [...new Set(transfer)];
    return Piscina.move({
      [Piscina.transferableSymbol]: unique,
      [Piscina.valueSymbol]: outcome,
    } as unknown as ArrayBuffer);
  } catch (e) {
    const outcome: TaskOutcome<R> = { ok: false, error: toErrorPayload(e) };
    return outcome;
  }
}
