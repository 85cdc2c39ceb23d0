// What each column of the sequence table means, for its header's tooltip: the table is read by
// biologists, and "gini", "rma" or "Σ R" say nothing by themselves. Directions and ranges follow
// ../shared/spec/metrics.md.
import type { ExplanationNumbers, MetricName, RunSummary } from '../../../../src-main/shared/run-api';
import { formatValue } from './format';

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
  rma: 'Relevance mass accuracy: the share of positive relevance inside the ground-truth regions (0–1). Higher is better. When the BED names the model\'s outputs (a multitask model), only the regions of the output explained count. — when the sequence has no such region, or when the explanation has no positive relevance at all (RRA is still given then); the cell\'s tooltip says which',
  rra: 'Relevance rank accuracy: the share of the K most relevant bases that lie in the ground truth (K = its size). Higher is better. — when the sequence has no ground-truth region (of the output explained, for a multitask model)',
  lipschitz: `Local Lipschitz estimate: how much the explanation changes when a few bases change. Lower is more robust. ${WHOLE_INPUT}`,
  faithfulness: `Faithfulness: how much more the prediction drops when the most relevant bases are removed first than when the least relevant are (MoRF − LeRF area). Higher is more faithful. ${WHOLE_INPUT}`,
};

/**
 * A metric cell's own tooltip where its value (or "—") needs a reason: RMA's "—" means either no
 * ground-truth region for the explained output, or no positive relevance at all, which the numbers
 * tell apart (RRA is still computed then). `output` names the output the row explains.
 */
export function metricCellTitle(metric: MetricName, numbers: ExplanationNumbers | undefined, run: Pick<RunSummary, 'groundTruthScoring' | 'metrics'>, output: string): string | undefined {
  if ((metric !== 'rma' && metric !== 'rra') || numbers === undefined) return undefined;
  if (run.groundTruthScoring === null) return 'The run has no ground-truth BED: RMA and RRA need one';
  const regionsOf = run.groundTruthScoring === 'by-output' ? `ground-truth regions of ${output}` : 'ground-truth regions';
  const noRegion = `— : this sequence has no ${regionsOf} to score against`;
  const { rma, rra } = numbers.metrics;
  if (metric === 'rra') {
    if (rra === undefined) return noRegion;
    return rma === undefined
      ? `${formatValue(rra)}: the explanation has no positive relevance at all, so its “most relevant” bases are the least negative ones`
      : `${formatValue(rra)}: the share of the most relevant bases that lie in the ${regionsOf}`;
  }
  if (rma !== undefined) return `${formatValue(rma)}: the share of the positive relevance that lies in the ${regionsOf}`;
  if (rra !== undefined) return `— : the explanation has no positive relevance anywhere in this sequence (every base has zero or negative relevance for ${output}), so there is no mass to place; the ${regionsOf} are there (RRA ${formatValue(rra)})`;
  return run.metrics.includes('rra') ? noRegion : `— : no ${regionsOf} in this sequence, or no positive relevance at all`;
}

/**
 * Why a metric cell is empty, for its title, when the rule leaves it so: faithfulness and Lipschitz
 * perturb the model's whole input, so the worker computes them only for a sequence of exactly the
 * model's input length (engine/pool/explain-worker.ts, sequenceMetrics). `computed`: the row has
 * this explanation (otherwise every cell is empty, for that reason).
 */
export function wholeInputCellTitle(metric: MetricName, value: number | undefined, lengthBp: number, computed: boolean): string | undefined {
  if (value !== undefined || !computed || (metric !== 'faithfulness' && metric !== 'lipschitz')) return undefined;
  return `No ${metric === 'faithfulness' ? 'faithfulness' : 'Lipschitz estimate'} for this ${lengthBp.toLocaleString('en-US')} bp sequence: ${WHOLE_INPUT.toLowerCase()}`;
}
