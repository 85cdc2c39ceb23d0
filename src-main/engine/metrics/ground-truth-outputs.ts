// Ground truth of a multi-output model: a BED for a model with several outputs (tasks) usually
// lists the sites of every task, named in its 4th column ("Spi1:MA0080.7", "ctcf"). An
// explanation of one output is only accountable for that output's sites: counting a FOXA1 site as
// ground truth for the SPI1 explanation would punish it for ignoring what it should ignore. So when
// the BED's region names are the model's output names (from its manifest), each explanation is
// scored against the regions of the output it explains. Otherwise every region counts, as for a
// single-output model.
import { intervalMask, sequenceIntervals, type GroundTruth, type GroundTruthInterval } from './ground-truth-mask';
import type { GenomePlace } from '../../shared/run-api';

/** What the worker needs for one sequence: one mask, or one per output (null: no region of that output). */
export type SequenceGroundTruth = Uint8Array | { byOutput: (Uint8Array | null)[] } | null;

export interface OutputMatch {
  /** The model's output names, index = output. */
  labels: string[];
  /** Regions per output, index = output. */
  regionsPerOutput: number[];
  /** Regions named after no output: not used. */
  unmatched: number;
}

/**
 * The output a BED region is ground truth for: its name equals an output name, or does once a
 * trailing motif id is dropped ("Spi1:MA0080.7" → "Spi1"), case-insensitively; −1 for none.
 */
export function outputOfRegion(label: string | null, labels: readonly string[]): number {
  if (!label) return -1;
  const colon = label.lastIndexOf(':');
  const names = [label, colon > 0 ? label.slice(0, colon) : label].map((n) => n.toLowerCase());
  return labels.findIndex((l) => names.includes(l.toLowerCase()));
}

/**
 * Per-output ground truth when the model names two or more outputs and at least one region of the
 * BED is named after one of them; null means every region counts for every output.
 */
export function matchOutputs(gt: GroundTruth, labels: readonly string[] | null): OutputMatch | null {
  if (!labels || labels.length < 2) return null;
  const regionsPerOutput = new Array<number>(labels.length).fill(0);
  let unmatched = 0;
  for (const intervals of gt.values()) {
    for (const iv of intervals) {
      const k = outputOfRegion(iv.label, labels);
      if (k < 0) unmatched++;
      else regionsPerOutput[k]++;
    }
  }
  return regionsPerOutput.some((n) => n > 0) ? { labels: [...labels], regionsPerOutput, unmatched } : null;
}

/** The regions of a sequence that count for the output `target` (all of them without a match). */
export function countsFor(iv: GroundTruthInterval, match: OutputMatch | null, target: number): boolean {
  return !match || outputOfRegion(iv.label, match.labels) === target;
}

/** `place`: where a region run's sequence lies on its chromosome (see sequenceIntervals). */
export function sequenceGroundTruth(gt: GroundTruth, name: string, lengthBp: number, source: string, match: OutputMatch | null, place?: GenomePlace | null): SequenceGroundTruth {
  const intervals = sequenceIntervals(gt, name, lengthBp, place);
  if (!intervals) return null;
  if (!match) return intervalMask(intervals, name, lengthBp, source);
  // Validates every interval (one past the end is an error whatever output it names).
  intervalMask(intervals, name, lengthBp, source, () => false);
  return {
    byOutput: match.labels.map((_, k) => (intervals.some((iv) => countsFor(iv, match, k)) ? intervalMask(intervals, name, lengthBp, source, (iv) => countsFor(iv, match, k)) : null)),
  };
}

/** The mask the metrics of an explanation of output `target` use. */
export function groundTruthForTarget(g: SequenceGroundTruth, target: number): Uint8Array | null {
  if (!g || g instanceof Uint8Array) return g;
  return g.byOutput[target] ?? null;
}

/** What a run or `explain` says about how the BED was read, so nobody has to guess. */
export function outputMatchNotice(source: string, gt: GroundTruth, labels: readonly string[] | null, match: OutputMatch | null): string | null {
  if (match) {
    const per = match.labels.map((l, k) => `${match.regionsPerOutput[k]} ${l}`).join(', ');
    const ignored = match.unmatched ? `; ${match.unmatched} region${match.unmatched === 1 ? '' : 's'} named after no output ${match.unmatched === 1 ? 'is' : 'are'} not used` : '';
    return `${source}: RMA and RRA score each explanation against the regions of the output it explains, matched by the BED's name column (${per})${ignored}`;
  }
  if (labels && labels.length >= 2 && [...gt.values()].some((ivs) => ivs.some((iv) => iv.label))) {
    return `${source}: no region is named after one of the model's outputs (${labels.join(', ')}), so RMA and RRA count every region whatever output is explained`;
  }
  return null;
}
