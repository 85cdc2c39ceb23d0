// Faithfulness (MoRF − LeRF) perturbs the model's input window, so it is computed only for
// sequences exactly the model's input length; any other gets "—". A run of peaks of varied widths
// then has faithfulness for a few regions, and the Dashboard's mean and recommended p rest on those.
// New run says so before the run starts.
import { countOf } from './count-of';

export interface LengthCounts {
  sequences: number;
  minLengthBp: number;
  maxLengthBp: number;
  /** [length, count], or null when too many distinct lengths were seen to keep them. */
  lengthCounts: readonly (readonly [number, number])[] | null;
}

/**
 * The note for the `noun`s (regions) that are not `modelLengthBp` long (≤ 0: the model takes any
 * length, and none is needed), or null when all are.
 */
export function notInputLengthNote(modelLengthBp: number, s: LengthCounts, noun = 'region'): string | null {
  if (modelLengthBp <= 0 || s.sequences === 0 || (s.minLengthBp === modelLengthBp && s.maxLengthBp === modelLengthBp)) return null;
  const input = `the model's ${modelLengthBp.toLocaleString('en-US')}-bp input length`;
  const tail = "their faithfulness will be \"—\" (it is computed on sequences exactly that long), and the Dashboard's faithfulness and recommended p rest on the others";
  if (!s.lengthCounts) return `Some ${noun}s are not ${input}: ${tail}.`;
  const fit = s.lengthCounts.reduce((n, [len, count]) => (len === modelLengthBp ? n + count : n), 0);
  const off = s.sequences - fit;
  if (fit === 0) return `No ${noun} is ${input}: faithfulness will be "—" for all ${countOf(s.sequences, noun)} (it is computed on sequences exactly that long).`;
  return `${off.toLocaleString('en-US')} of ${countOf(s.sequences, noun)} ${off === 1 ? 'is' : 'are'} not ${input}: ${tail} (${countOf(fit, noun)}).`;
}
