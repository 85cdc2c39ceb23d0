// Per-sequence warnings for results that would silently mislead: a sequence shorter than the
// model's input window (padded with the unknown column), too many N/ambiguous letters, and relevance
// that is not finite (NaN/Inf from overflow) — shown next to the sequence instead of garbage.

/** Sequences with more unknown letters than this fraction are flagged. */
export const DEFAULT_MAX_UNKNOWN_FRACTION = 0.2;

/** Warnings from the letters alone; `windowBp` is the model's fixed input length (≤ 0: any length). */
export function sequenceWarnings(name: string, letters: string, windowBp: number, maxUnknown = DEFAULT_MAX_UNKNOWN_FRACTION): string[] {
  const out: string[] = [];
  if (windowBp > 0 && letters.length < windowBp) {
    out.push(`sequence ${name} is ${letters.length} bp, shorter than the model's ${windowBp}-bp input; the rest is padding and carries no relevance`);
  }
  let unknown = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c !== 65 && c !== 67 && c !== 71 && c !== 84) unknown++;
  }
  if (letters.length > 0 && unknown / letters.length > maxUnknown) {
    out.push(`sequence ${name} is ${((100 * unknown) / letters.length).toFixed(0)} % N/ambiguous letters (over ${(100 * maxUnknown).toFixed(0)} %); its prediction and relevance are unreliable`);
  }
  return out;
}

/** A warning when any relevance value of one explanation is NaN or ±Inf, else null. */
export function nonFiniteRelevanceWarning(name: string, explanationId: string, relevance: Float32Array): string | null {
  for (let i = 0; i < relevance.length; i++) {
    if (!Number.isFinite(relevance[i])) return `relevance is not finite for sequence ${name} under explanation ${explanationId}`;
  }
  return null;
}
