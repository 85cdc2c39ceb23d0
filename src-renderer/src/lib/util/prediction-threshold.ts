// Which sequences the model calls empty. A sigmoid head makes each output a task the model calls
// present above 0.5 (logit > 0); "predicted output (argmax)" still picks the highest of outputs
// that are all below it, and such a row explains a task the model says is absent. A softmax always
// picks one class, and a model without a head has no threshold to judge by, so neither is flagged.
import type { Head } from '../../../../src-main/shared/model-info';
import type { SequenceRow } from '../../../../src-main/shared/run-api';
import { countOf } from './format';

/** True when no output of the row passes the sigmoid head's 0.5 (`output` is after the head). */
export function predictsNoOutput(row: Pick<SequenceRow, 'output'>, head: Head | null): boolean {
  return head === 'sigmoid' && row.output.length > 0 && row.output.every((v) => Number.isFinite(v) && v <= 0.5);
}

/** Said next to a flagged row's target, in the table and the Run view's title. */
export const NO_PREDICTION_NOTE = 'below 0.5 for every output: the model predicts no task here';

/** The Dashboard's note on how many computed rows explain a task the model calls absent; null when none do. */
export function noPredictionSummary(rows: readonly Pick<SequenceRow, 'output' | 'explanations'>[], head: Head | null): string | null {
  const computed = rows.filter((r) => Object.keys(r.explanations).length > 0);
  const empty = computed.filter((r) => predictsNoOutput(r, head)).length;
  if (empty === 0) return null;
  return `${empty.toLocaleString('en-US')} of ${countOf(computed.length, 'sequence')} ${empty === 1 ? 'has' : 'have'} no output above the model's decision threshold (sigmoid 0.5, logit 0): the model predicts no task there, yet ${empty === 1 ? 'its explanation is' : 'their explanations are'} in the figures below.`;
}
