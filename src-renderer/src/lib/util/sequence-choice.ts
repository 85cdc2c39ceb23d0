// Which sequence a view opens on, and how the Layers sequence picker names one.
import type { SequenceRow } from '../../../../src-main/shared/run-api';

/** The remembered sequence when it is among the rows, else null (the view picks its own default). */
export function openingSequence(remembered: number | null, rows: readonly Pick<SequenceRow, 'index'>[]): number | null {
  return remembered !== null && rows.some((r) => r.index === remembered) ? remembered : null;
}

/** "⚠ name" for a sequence with warnings (as in the Run view's table), else its name. */
export function sequenceOptionLabel(row: Pick<SequenceRow, 'name' | 'warnings'>): string {
  return row.warnings.length > 0 ? `⚠ ${row.name}` : row.name;
}
