// The FASTA summary in words, and what the chosen model will do to sequences shorter than its
// input: they are padded with N, so part of what the model sees is no sequence at all. The run
// table flags them per sequence afterwards; the New-run view says so before the run starts.
import type { FastaSummary } from '../../../../src-main/shared/studio-types';
import { countOf } from '../../../../src-main/shared/count-of';

const bp = (n: number): string => `${n.toLocaleString('en-US')} bp`;

/** "50,000 bp" for one sequence, "200 bp each" for several of one length, "10–200 bp" otherwise. */
export function lengthsText(s: Pick<FastaSummary, 'sequences' | 'minLengthBp' | 'maxLengthBp'>): string {
  if (s.minLengthBp !== s.maxLengthBp) return `${s.minLengthBp.toLocaleString('en-US')}–${bp(s.maxLengthBp)}`;
  return s.sequences === 1 ? bp(s.minLengthBp) : `${bp(s.minLengthBp)} each`;
}

/** Sequences shorter than `lengthBp`; null when the summary did not keep its lengths (too many distinct ones). */
export function countShorterThan(s: Pick<FastaSummary, 'lengthCounts'>, lengthBp: number): number | null {
  if (!s.lengthCounts) return null;
  return s.lengthCounts.reduce((n, [len, count]) => (len < lengthBp ? n + count : n), 0);
}

/**
 * The warning for sequences shorter than a model's fixed input of `modelLengthBp` (0: the model
 * takes any length); null when there are none. `noun` is what they are: the FASTA's sequences, or
 * the regions a region run cuts out of it.
 */
export function shortSequenceWarning(modelLengthBp: number, s: Pick<FastaSummary, 'sequences' | 'minLengthBp' | 'lengthCounts'>, noun = 'sequence'): string | null {
  if (modelLengthBp <= 0 || s.sequences === 0 || s.minLengthBp >= modelLengthBp) return null;
  const short = countShorterThan(s, modelLengthBp);
  const shortest = `shortest ${bp(s.minLengthBp)}`;
  const who =
    short === null ? `Some ${noun}s (${shortest}) are`
    : short === 1 ? `1 ${noun} (${bp(s.minLengthBp)}) is`
    : `${short === s.sequences ? `All ${countOf(short, noun)}` : `${short.toLocaleString('en-US')} of ${countOf(s.sequences, noun)}`} (${shortest}) are`;
  const their = short === 1 ? 'its' : 'their';
  return `${who} shorter than the model's ${modelLengthBp.toLocaleString('en-US')}-bp input and will be padded with N: ${their} relevance is less reliable.`;
}

/**
 * How many model windows a record of `lengthBp` is explained in: windows of the model's input at a
 * stride of half of it, plus one flush with the record's end (engine/genomics/tiling.ts, planTiles).
 */
export function modelWindows(lengthBp: number, modelLengthBp: number): number {
  if (lengthBp <= modelLengthBp) return 1;
  const stride = Math.max(1, Math.floor(modelLengthBp / 2));
  const fitted = Math.floor((lengthBp - modelLengthBp) / stride) + 1;
  return fitted + ((fitted - 1) * stride + modelLengthBp < lengthBp ? 1 : 0);
}

/**
 * Before a run of the records: which of them are longer than the model's input (the longest few by
 * name, with how many there are) and what that does to their numbers (shared/tiled-record.ts).
 * Null when none is.
 */
export function tiledRecordsNote(modelLengthBp: number, s: Pick<FastaSummary, 'maxLengthBp' | 'lengthCounts' | 'longestRecords'>): string | null {
  if (!(modelLengthBp > 0) || s.maxLengthBp <= modelLengthBp) return null;
  const long = s.longestRecords.filter((r) => r.lengthBp > modelLengthBp);
  const count = s.lengthCounts === null ? null : s.lengthCounts.reduce((n, [len, c]) => (len > modelLengthBp ? n + c : n), 0);
  const named = long.map((r) => `${r.name}: ${r.lengthBp.toLocaleString('en-US')} bp, ${countOf(modelWindows(r.lengthBp, modelLengthBp), 'window')}`).join('; ');
  const more = count === null ? ', …' : count > long.length ? `; and ${(count - long.length).toLocaleString('en-US')} more` : '';
  const which = count === 1 ? 'One record is' : count === null ? 'Some records are' : `${count.toLocaleString('en-US')} records are`;
  return `${which} longer than the model's ${modelLengthBp.toLocaleString('en-US')}-bp input (${named}${more}). ` +
    'A run explains each in overlapping model windows: its logit and output are the means over the windows, its Σ R sums over the whole record, and its faithfulness is not computed (—).';
}
