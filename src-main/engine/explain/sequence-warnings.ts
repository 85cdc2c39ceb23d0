// Per-sequence warnings for results that would silently mislead: a sequence shorter than the
// model's input window (padded with the unknown column) or than its receptive field (the model then
// sees mostly padding), too many N/ambiguous letters, and relevance that is not finite (NaN/Inf
// from overflow) — shown next to the sequence instead of garbage.

/** Sequences with more unknown letters than this fraction are flagged. */
export const DEFAULT_MAX_UNKNOWN_FRACTION = 0.2;

/**
 * Warnings from the letters alone; `windowBp` is the model's fixed input length (≤ 0: any length),
 * `receptiveFieldBp` the input bases one output depends on (ModelInfo.receptiveFieldBp; ≤ 0 or
 * absent: not known).
 */
export function sequenceWarnings(name: string, letters: string, windowBp: number, maxUnknown = DEFAULT_MAX_UNKNOWN_FRACTION, receptiveFieldBp = 0): string[] {
  const out: string[] = [];
  const len = letters.length;
  if (windowBp > 0 && len < windowBp) {
    // The window is padded; an output whose field spans min(field, window) bp sees at least this much padding.
    const field = receptiveFieldBp > 0 ? Math.min(receptiveFieldBp, windowBp) : 0;
    const padded = field - len;
    const inField = padded > 0 ? `; ${padded} of the ${field} bp of the model's receptive field are padding` : '';
    out.push(`sequence ${name} is ${len} bp, shorter than the model's ${windowBp}-bp input; the rest is padding and carries no relevance${inField}`);
  } else if (windowBp <= 0 && receptiveFieldBp > 0 && len < receptiveFieldBp) {
    out.push(`sequence ${name} is ${len} bp, shorter than the model's ${receptiveFieldBp}-bp receptive field; ${receptiveFieldBp - len} bp of it are padding, so the model never sees a whole feature of this sequence`);
  }
  let unknown = 0;
  for (let i = 0; i < len; i++) {
    const c = letters.charCodeAt(i);
    if (c !== 65 && c !== 67 && c !== 71 && c !== 84) unknown++;
  }
  const mostlyUnknown = unknownLettersWarning(name, unknown, len, maxUnknown);
  if (mostlyUnknown) out.push(mostlyUnknown);
  return out;
}

/**
 * The warning for a sequence of `lengthBp` letters of which `unknownBp` are N or IUPAC codes, when
 * they are more than `maxUnknown` of it; else null. One rule for the run's warning and for the
 * New-run FASTA summary, which counts the letters as it reads the file.
 */
export function unknownLettersWarning(name: string, unknownBp: number, lengthBp: number, maxUnknown = DEFAULT_MAX_UNKNOWN_FRACTION): string | null {
  if (lengthBp <= 0 || unknownBp / lengthBp <= maxUnknown) return null;
  return `sequence ${name} is ${((100 * unknownBp) / lengthBp).toFixed(0)} % N/ambiguous letters (over ${(100 * maxUnknown).toFixed(0)} %); its prediction and relevance are unreliable`;
}

/** True when no relevance value is NaN or ±Inf. */
export function allFinite(relevance: Float32Array): boolean {
  for (let i = 0; i < relevance.length; i++) if (!Number.isFinite(relevance[i])) return false;
  return true;
}

/** The warning for an explanation whose relevance holds NaN or ±Inf. */
export function nonFiniteRelevanceMessage(name: string, explanationId: string): string {
  return `relevance is not finite for sequence ${name} under explanation ${explanationId}`;
}

/** A warning when any relevance value of one explanation is NaN or ±Inf, else null. */
export function nonFiniteRelevanceWarning(name: string, explanationId: string, relevance: Float32Array): string | null {
  return allFinite(relevance) ? null : nonFiniteRelevanceMessage(name, explanationId);
}
