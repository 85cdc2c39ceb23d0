// Which sequence a view opens on, and how the Layers sequence picker names one.
import type { SequenceRow } from '../../../../src-main/shared/run-api';

/** The remembered sequence when it is among the rows, else null (the view picks its own default). */
export function openingSequence(remembered: number | null, rows: readonly Pick<SequenceRow, 'index'>[]): number | null {
  return remembered !== null && rows.some((r) => r.index === remembered) ? remembered : null;
}

/**
 * Why the Run view opened on a sequence other than the table's first row: it opens on the first
 * sequence with ground-truth regions to compare relevance with (a demo's first rows are negatives
 * without any). Null when it opened on the first row, which needs no reason.
 */
export function openingNote(rows: readonly Pick<SequenceRow, 'index' | 'name'>[], opened: number): string | null {
  const at = rows.findIndex((r) => r.index === opened);
  if (at <= 0) return null;
  const above = at === 1 ? `${rows[0].name} has none` : `${rows[0].name} to ${rows[at - 1].name} have none`;
  return `Opened on ${rows[at].name}, the first sequence with ground-truth regions to compare its relevance with (${above}).`;
}

/** "⚠ name" for a sequence with warnings (as in the Run view's table), else its name. */
export function sequenceOptionLabel(row: Pick<SequenceRow, 'name' | 'warnings'>): string {
  return row.warnings.length > 0 ? `⚠ ${row.name}` : row.name;
}
