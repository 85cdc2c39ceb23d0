// Ground truth for RMA/RRA from a BED file of `name start end` lines in sequence coordinates
// (0-based, half-open, as BED is): the positions of each named sequence that carry planted motifs
// or known sites. General BED handling (genome coordinates, strands, tracks) lives in
// ../genomics; this is the small, strict reader the metrics need.
import { AppError } from '../../shared/errors';
import type { GenomePlace } from '../../shared/run-api';

export interface GroundTruthInterval {
  start: number;
  end: number;
  /** The BED name column (4th), e.g. "Spi1:MA0080.7"; null when the line has three columns. */
  label: string | null;
  /** 1-based line in the source file, for error messages. */
  line: number;
}

export type GroundTruth = Map<string, GroundTruthInterval[]>;

export function parseGroundTruthBed(text: string, source = 'ground-truth BED'): GroundTruth {
  const gt: GroundTruth = new Map();
  const lines = text.split(/\r?\n/);
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li].trim();
    if (line === '' || line.startsWith('#') || /^(track|browser)(\s|$)/.test(line)) continue;
    const fields = line.split(/\s+/);
    const where = `${source}, line ${li + 1}`;
    if (fields.length < 3) throw new AppError('BAD_BED', `${where}: expected "name start end", got "${line}"`);
    const [name, startText, endText] = fields;
    const start = Number(startText);
    const end = Number(endText);
    if (!/^\d+$/.test(startText) || !/^\d+$/.test(endText)) {
      throw new AppError('BAD_BED', `${where}: start and end must be non-negative integers, got "${startText}" "${endText}"`);
    }
    if (end <= start) throw new AppError('BAD_BED', `${where}: end ${end} must be greater than start ${start}`);
    const list = gt.get(name) ?? [];
    list.push({ start, end, label: fields[3] ?? null, line: li + 1 });
    gt.set(name, list);
  }
  return gt;
}

/**
 * The [L] mask of one sequence: 1 inside any interval that `keep` accepts (all by default). null
 * when the BED names no interval for the sequence.
 */
export function groundTruthMask(
  gt: GroundTruth,
  name: string,
  lengthBp: number,
  source = 'ground-truth BED',
  keep: (iv: GroundTruthInterval) => boolean = () => true,
): Uint8Array | null {
  const intervals = gt.get(name);
  return intervals ? intervalMask(intervals, name, lengthBp, source, keep) : null;
}

/**
 * The intervals of a sequence: those the BED names it by, else, for a region cut out of a genome
 * (`place`), those on its chromosome that overlap it, clipped and moved into the region's
 * coordinates, so a BED of sites in genome coordinates works for region runs. undefined when
 * neither names or overlaps the sequence.
 */
export function sequenceIntervals(gt: GroundTruth, name: string, lengthBp: number, place?: GenomePlace | null): GroundTruthInterval[] | undefined {
  const own = gt.get(name);
  if (own || !place) return own;
  const end = place.startBp + lengthBp;
  const overlapping = (gt.get(place.chrom) ?? [])
    .filter((iv) => iv.end > place.startBp && iv.start < end)
    .map((iv) => ({ ...iv, start: Math.max(iv.start, place.startBp) - place.startBp, end: Math.min(iv.end, end) - place.startBp }));
  return overlapping.length > 0 ? overlapping : undefined;
}

/** The [L] mask of these intervals of sequence `name` (1 inside those `keep` accepts). */
export function intervalMask(
  intervals: readonly GroundTruthInterval[],
  name: string,
  lengthBp: number,
  source = 'ground-truth BED',
  keep: (iv: GroundTruthInterval) => boolean = () => true,
): Uint8Array {
  const mask = new Uint8Array(lengthBp);
  for (const iv of intervals) {
    if (iv.end > lengthBp) {
      throw new AppError(
        'BAD_BED',
        `${source}, line ${iv.line}: interval ${iv.start}-${iv.end} runs past the end of "${name}" (${lengthBp} bp)`,
      );
    }
    if (keep(iv)) mask.fill(1, iv.start, iv.end);
  }
  return mask;
}
