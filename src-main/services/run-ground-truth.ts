// A run's ground-truth BED, read the way its metrics use it: for a model whose outputs the BED's
// name column names, per output (../engine/metrics/ground-truth-outputs). One place for the run
// service's three uses: the cache identity of its results, the masks its workers score, and the
// regions the Tracks view draws.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { sequenceIntervals, type GroundTruth } from '../engine/metrics/ground-truth-mask';
import type { GenomePlace, GroundTruthRegion } from '../shared/run-api';
import { parsedGroundTruth } from './ground-truth-cache';
import { countsFor, outputMatchNotice, sequenceGroundTruth, type OutputMatch, type SequenceGroundTruth } from '../engine/metrics/ground-truth-outputs';

export class RunGroundTruth {
  private constructor(
    private readonly path: string,
    private readonly gt: GroundTruth,
    private readonly labels: string[] | null,
    readonly match: OutputMatch | null,
  ) {}

  /** null when the run has no BED. */
  /** `labels`: the model's output names (the run's, see runOutputLabels). */
  static read(bedPath: string | null, labels: string[] | null): RunGroundTruth | null {
    if (!bedPath) return null;
    // Parsed once per version of the file (./ground-truth-cache): a run reads it many times.
    const { gt, match } = parsedGroundTruth(bedPath, labels);
    return new RunGroundTruth(bedPath, gt, labels, match);
  }

  /** As `read`, or null when the BED is gone (views of an old run must not fail for it). */
  static readIfPresent(bedPath: string | null, labels: string[] | null): RunGroundTruth | null {
    return bedPath && existsSync(bedPath) ? RunGroundTruth.read(bedPath, labels) : null;
  }

  /**
   * Part of the results' cache identity: per-output scoring gives other RMA/RRA than scoring
   * every region, so results of one are not reused for the other.
   */
  get scoring(): 'by-output' | 'all' {
    return this.match ? 'by-output' : 'all';
  }

  /**
   * How the run scores the BED, for RunSummary.notices: the BED named by its file name, since the
   * app's uploads live under a temporary folder whose path means nothing to the person who dropped
   * the file (as FileRegistry.nameUploads names them in error messages).
   */
  notice(): string | null {
    return outputMatchNotice(basename(this.path), this.gt, this.labels, this.match);
  }

  masks(name: string, lengthBp: number, place?: GenomePlace | null): SequenceGroundTruth {
    return sequenceGroundTruth(this.gt, name, lengthBp, this.path, this.match, place);
  }

  /**
   * Every region of a sequence (in its own coordinates), each `scored` when its explanations of
   * output `target` are scored against it: with per-output scoring, the regions of other outputs
   * are listed too, so the view can say what else the sequence holds.
   */
  regions(s: { name: string; lengthBp: number; place?: GenomePlace | null }, target: number): GroundTruthRegion[] {
    return (sequenceIntervals(this.gt, s.name, s.lengthBp, s.place) ?? [])
      .map((iv) => ({ startBp: iv.start, endBp: iv.end, name: iv.label ?? s.name, scored: countsFor(iv, this.match, target) }));
  }
}
