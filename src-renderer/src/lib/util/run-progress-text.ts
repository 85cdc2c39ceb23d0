// What Cancel keeps, in words. A run stores its sequences a batch at a time (up to
// MAX_BATCH_SEQUENCES each): Cancel keeps the stored batches and drops the ones in flight, even
// though the progress bar had moved with them. Saying so before and after avoids a surprise 0.
import { MAX_BATCH_SEQUENCES, type RunStatus } from '../../../../src-main/shared/run-api';
import { countOf } from '../../../../src-main/shared/count-of';

const inFlight = `the batches being computed (up to ${countOf(MAX_BATCH_SEQUENCES, 'sequence')} each)`;

/** The Cancel button's tooltip, given how many sequences are stored. */
export function cancelHint(stored: number): string {
  if (stored === 0) return `Nothing is stored yet: Cancel discards ${inFlight}, and Resume starts them again.`;
  return `Cancel keeps the ${countOf(stored, 'sequence')} stored so far; ${inFlight} are discarded, and Resume computes them again.`;
}

/** A stopped run's state with what it kept: "cancelled — 0 of 20,000 sequences stored; Resume continues from there". */
export function stoppedNote(status: RunStatus, stored: number, total: number): string {
  return `${status} — ${stored.toLocaleString('en-US')} of ${countOf(total, 'sequence')} stored; Resume continues from there`;
}
