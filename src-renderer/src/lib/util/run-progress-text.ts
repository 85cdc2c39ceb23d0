// What Cancel keeps, in words. A run stores its sequences a batch at a time (up to
// MAX_BATCH_SEQUENCES each): Cancel keeps the stored batches and drops the ones in flight, even
// though the progress bar had moved with them. Saying so before and after avoids a surprise 0.
import { MAX_BATCH_SEQUENCES, type RunProgress, type RunStatus } from '../../../../src-main/shared/run-api';
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

/** What a running run reports: stored sequences, the computed part of its batches in flight, all of them. */
export type ProgressFigures = Pick<RunProgress, 'done' | 'inFlight' | 'total'>;

/**
 * How far a running run is, in whole per cent: stored plus computed-in-flight, as the bar moves.
 * The Start page's card and its list both say this one figure (the card once said "0 / 40 stored"
 * beside a list at 27 %).
 */
export function runPercent(p: ProgressFigures): number {
  if (p.total <= 0) return 0;
  return Math.min(100, Math.floor((100 * (p.done + p.inFlight)) / p.total));
}

/**
 * Every sequence is computed but the run is still running: its last batches are being stored and
 * the seqlets of the null's sample called (run-job.ts), which the count alone would hide behind "40 / 40".
 */
export const FINISHING = 'finishing: storing results and calling seqlets';

/** The Start list's status of a running run: "running · 27 %", or "running · finishing…" at 100 %. */
export function runningStatus(p: ProgressFigures): string {
  return runPercent(p) >= 100 ? `running · ${FINISHING}` : `running · ${runPercent(p)} %`;
}

/** The progress card's count line: "27 % · 0 / 40 sequences stored", or the finishing note with the count. */
export function progressCountLine(p: ProgressFigures): string {
  const stored = `${p.done.toLocaleString('en-US')} / ${countOf(p.total, 'sequence')} stored`;
  return runPercent(p) >= 100 ? `${FINISHING} (${stored})` : `${runPercent(p)} % · ${stored}`;
}

/**
 * The Run view's note for a sequence the run has no results for: a running run stores it in a
 * later batch, and the view shows its tracks then by itself; a stopped run computes it on Resume.
 */
export function notComputedNote(status: RunStatus, stored: number, total: number): string {
  const counts = `${status}: ${stored.toLocaleString('en-US')} of ${countOf(total, 'sequence')} stored`;
  if (status === 'queued' || status === 'running') return `The run has not computed this sequence yet (${counts}); its tracks appear here once the run stores it.`;
  if (status === 'done') return `The run has not computed this sequence (${counts}).`;
  return `The run has not computed this sequence (${counts}). Resume the run from Start to compute it.`;
}
