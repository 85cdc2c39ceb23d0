// What each column of the sequence table means, for its header's tooltip: the table is read by
// biologists, and "gini", "rma" or "Σ R" say nothing by themselves. Directions and ranges follow
// ../shared/spec/metrics.md.
import type { MetricName } from '../../../../src-main/shared/run-api';

export const COLUMN_HELP = {
  index: 'Position of the sequence in the FASTA file',
  name: 'Record name from the FASTA header',
  target: 'The model output this row explains: the predicted one (highest), unless the run chose an output',
  logit: 'The target output before the sigmoid or softmax head: the value the explanation starts from',
  hits: 'Motif hits (p ≤ 1e-4) in this sequence; — when the run did not scan it',
  sum: 'Σ R: the per-base relevance of the chosen explanation, summed over the sequence. Close to the logit when the rules conserve relevance',
} as const;

/** The rule behind an empty faithfulness or Lipschitz cell. */
const WHOLE_INPUT = 'Computed only for sequences of exactly the model\'s input length (it perturbs the whole model input); — for longer or shorter ones, which are explained in windows or padded';

export const METRIC_HELP: Record<MetricName, string> = {
  gini: 'Gini index: how concentrated the relevance is on few bases (0 = spread evenly, near 1 = on one base). Higher is sparser',
  entropy: 'Entropy of the relevance over the bases. Lower is more concentrated',
  rma: 'Relevance mass accuracy: the share of positive relevance inside the ground-truth regions (0–1). Higher is better; — without a ground truth for the sequence. When the BED names the model\'s outputs (a multitask model), only the regions of the output explained count',
  rra: 'Relevance rank accuracy: the share of the K most relevant bases that lie in the ground truth (K = its size). Higher is better',
  lipschitz: `Local Lipschitz estimate: how much the explanation changes when a few bases change. Lower is more robust. ${WHOLE_INPUT}`,
  faithfulness: `Faithfulness: how much more the prediction drops when the most relevant bases are removed first than when the least relevant are (MoRF − LeRF area). Higher is more faithful. ${WHOLE_INPUT}`,
};

/**
 * Why a metric cell is empty, for its title, when the rule leaves it so: faithfulness and Lipschitz
 * perturb the model's whole input, so the worker computes them only for a sequence of exactly the
 * model's input length (engine/pool/explain-worker.ts, sequenceMetrics). `computed`: the row has
 * this explanation (otherwise every cell is empty, for that reason).
 */
export function metricCellTitle(metric: MetricName, value: number | undefined, lengthBp: number, computed: boolean): string | undefined {
  if (value !== undefined || !computed || (metric !== 'faithfulness' && metric !== 'lipschitz')) return undefined;
  return `No ${metric === 'faithfulness' ? 'faithfulness' : 'Lipschitz estimate'} for this ${lengthBp.toLocaleString('en-US')} bp sequence: ${WHOLE_INPUT.toLowerCase()}`;
}
