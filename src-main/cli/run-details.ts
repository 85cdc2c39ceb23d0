// What `plrp runs show` prints about a run beyond its line: the target and the model's output
// names, the ground truth and how it was scored, what the run reported (notes), the metrics with
// their means over the sequences, and each sequence's metric values beside its Σ R.
import type { MetricsSummary } from '../engine/metrics/summarize-metrics';
import { outputName } from '../engine/report/output-name';
import { warningsCell } from '../engine/export/warnings-cell';
import { isTiled } from '../shared/tiled-record';
import type { RunSummary, SequenceRow } from '../shared/run-api';

const num = (v: number | null | undefined): string => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : 'NA');

/** The lines about the run's target, outputs, ground truth, notes and metric summary. */
export function runDetailLines(run: RunSummary, groundTruthPath: string | null, metrics: ReadonlyMap<string, MetricsSummary>): string[] {
  const lines: string[] = [];
  lines.push(`target: ${run.target === 'predicted' ? 'the predicted output (argmax) of each sequence' : `output ${outputName(run.target, run.outputLabels)}`}`);
  if (run.outputLabels) lines.push(`outputs: ${run.outputLabels.map((l, i) => `${i} ${l}`).join(', ')}`);
  if (groundTruthPath) {
    const scoring = run.groundTruthScoring === 'by-output'
      ? 'RMA and RRA score each explanation against the regions named after the output it explains'
      : run.groundTruthScoring === 'all' ? 'RMA and RRA count every region, whatever output is explained' : 'scoring not recorded';
    lines.push(`ground truth: ${groundTruthPath} (${scoring})`);
  } else {
    lines.push('ground truth: none');
  }
  for (const n of run.notices) lines.push(`note: ${n}`);
  if (run.metrics.length === 0) {
    lines.push('metrics: none');
    return lines;
  }
  lines.push(`metrics: ${run.metrics.join(', ')} (mean over the sequences that have a value, n = how many)`);
  // In the run's explanation order (runs show passes it in the one order, LRP then PLRP by p).
  for (const { id } of run.explanations) {
    const summary = metrics.get(id);
    if (!summary) continue;
    const parts = Object.entries(summary).flatMap(([name, s]) => {
      if (name === 'faithfulness') {
        const f = (s as MetricsSummary['faithfulness'])?.morfMinusLerfAuc;
        return [`faithfulness (MoRF − LeRF AUC) ${f ? `${num(f.mean)} (n ${f.n})` : 'NA'}`];
      }
      const v = s as { mean: number; n: number } | null;
      return [`${name} ${v ? `${num(v.mean)} (n ${v.n})` : 'NA (n 0)'}`];
    });
    lines.push(`  ${id}: ${parts.join(', ')}`);
  }
  return lines;
}

/** One sequence's line: index, name, length, target (by name), logit, then Σ R and metrics per explanation; last, its warnings after ⚠. */
export function sequenceLine(run: RunSummary, r: SequenceRow): string {
  const perExplanation = run.explanations.map((e) => {
    const n = r.explanations[e.id];
    const metrics = Object.entries(n?.metrics ?? {}).map(([k, v]) => `${k} ${num(v)}`).join(' ');
    return `${e.id}=${n ? num(n.sum) : 'NA'}${metrics ? ` [${metrics}]` : ''}`;
  }).join(' ');
  return `${r.index}\t${r.name}\t${r.lengthBp} bp\ttarget ${outputName(r.target, run.outputLabels)}\tlogit ${num(r.logit)}${isTiled(r.lengthBp, run.modelLengthBp) ? ' (mean over its model windows; Σ R sums over the record)' : ''}\t${perExplanation}${r.warnings.length > 0 ? `\t⚠ ${warningsCell(r.warnings)}` : ''}`;
}
