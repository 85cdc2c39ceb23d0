// What `plrp explain` and `plrp runs start` check about ground truth and the metrics that use it,
// so both say the same: RMA/RRA asked for without a BED, and a BED that names no sequence.
import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { parseGroundTruthBed, type GroundTruth } from '../../engine/metrics/ground-truth-mask';
import type { MetricName } from '../../engine/metrics/metric-names';
import { matchOutputs, outputMatchNotice, type OutputMatch } from '../../engine/metrics/ground-truth-outputs';
import { outputLabels } from '../../engine/explain/model-manifest';

/**
 * RMA and RRA measure relevance inside the ground-truth regions: asked for by name without
 * --ground-truth they could only come out empty, so that is a usage error. `all` includes them;
 * there they are left empty with a warning.
 */
export function checkLocalisationMetrics(text: string | undefined, metrics: MetricName[], hasGroundTruth: boolean): string | null {
  const localisation = metrics.filter((m) => m === 'rma' || m === 'rra');
  if (hasGroundTruth || localisation.length === 0) return null;
  if (!/\ball\b/i.test(text ?? '')) throw new AppError('USAGE', `--metrics ${localisation.join(',')}: these measure relevance inside known regions and need --ground-truth GT.bed`);
  return 'rma and rra need --ground-truth GT.bed; without it they are left empty';
}

/**
 * `regionRun`: the run's sequences are regions of a genome, where a BED line counts for a region
 * when its first column is the region's chromosome (genome coordinates) or the region's name.
 */
export function unmatchedGroundTruth(path: string, gt: GroundTruth, regionRun = false): string {
  const names = [...gt.keys()];
  const shown = names.slice(0, 3).map((n) => `"${n}"`).join(', ');
  const rule = regionRun
    ? 'The first column must be a chromosome of the regions (genome coordinates) or a region\'s name.'
    : 'The first column must be the FASTA record name.';
  return `${path} names no sequence of this run (it names ${shown}${names.length > 3 ? ', …' : ''}); rma and rra are empty. ${rule}`;
}

export async function readGroundTruth(path: string): Promise<GroundTruth> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError('FILE_NOT_FOUND', `${path}: ground-truth BED not found`);
  }
  return parseGroundTruthBed(text, path);
}

/** The warning when none of `names` (the FASTA's records; for a region run, regions and their chromosomes) has a region in the BED, else null. */
export function groundTruthMatchWarning(path: string, gt: GroundTruth, names: Iterable<string>, regionRun = false): string | null {
  for (const n of names) if (gt.has(n)) return null;
  return unmatchedGroundTruth(path, gt, regionRun);
}

/** How the BED's regions are matched to the model's outputs (null: every region counts, as always). */
export function groundTruthOutputs(gt: GroundTruth, modelPath: string): OutputMatch | null {
  return matchOutputs(gt, outputLabels(modelPath));
}

/** What to tell the user about that matching, or null when there is nothing to say. */
export function groundTruthScoringNote(path: string, gt: GroundTruth, modelPath: string): string | null {
  return outputMatchNotice(path, gt, outputLabels(modelPath), groundTruthOutputs(gt, modelPath));
}
