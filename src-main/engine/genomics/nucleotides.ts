// Byte-level nucleotide classes shared by the FASTA reader, the one-hot encoder and the motif
// scanner. A lookup table keyed by char code keeps the hot loops free of string comparisons.
// Conventions (../shared/spec/genomics.md): A,C,G,T are bases; N and the IUPAC ambiguity codes
// R Y S W K M B D H V are "unknown"; anything else is invalid. Lower case is soft-masking.

export const CLASS_INVALID = 0;
export const CLASS_BASE = 1;
export const CLASS_UNKNOWN = 2;

/** Char code → CLASS_*; lower case maps like upper case. */
export const NUCLEOTIDE_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const c of 'ACGT') {
    t[c.charCodeAt(0)] = CLASS_BASE;
    t[c.toLowerCase().charCodeAt(0)] = CLASS_BASE;
  }
  for (const c of 'NRYSWKMBDHV') {
    t[c.charCodeAt(0)] = CLASS_UNKNOWN;
    t[c.toLowerCase().charCodeAt(0)] = CLASS_UNKNOWN;
  }
  return t;
})();

/** Char code → 0..3 for A,C,G,T (either case), 4 for everything else. */
export const BASE_INDEX: Uint8Array = (() => {
  const t = new Uint8Array(256).fill(4);
  'ACGT'.split('').forEach((c, i) => {
    t[c.charCodeAt(0)] = i;
    t[c.toLowerCase().charCodeAt(0)] = i;
  });
  return t;
})();

/** Complement of an upper-case IUPAC letter (N ↔ N, R ↔ Y, …); unknown characters map to N. */
const COMPLEMENT: Record<string, string> = {
  A: 'T', C: 'G', G: 'C', T: 'A', N: 'N', R: 'Y', Y: 'R', S: 'S', W: 'W', K: 'M', M: 'K',
  B: 'V', V: 'B', D: 'H', H: 'D',
};

export function reverseComplement(sequence: string): string {
  let out = '';
  for (let i = sequence.length - 1; i >= 0; i--) out += COMPLEMENT[sequence[i].toUpperCase()] ?? 'N';
  return out;
}

/** Numeric encoding of a sequence: 0..3 for A,C,G,T, 4 for unknown letters. */
export function encodeIndices(sequence: string): Uint8Array {
  const out = new Uint8Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence.charCodeAt(i);
    out[i] = c < 256 ? BASE_INDEX[c] : 4;
  }
  return out;
}
