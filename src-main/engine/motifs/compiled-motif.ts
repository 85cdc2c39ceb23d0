// A motif compiled for fast scanning: integer scores in Int32 lookup tables indexed by
// [evaluation step][letter], with an unknown-letter column so low that any window containing N or
// an IUPAC code fails the bound check (FIMO skips such windows). Columns are evaluated most
// informative first and a window is abandoned as soon as even the best remaining letters could not
// reach the score threshold — the classic lookahead that makes a full JASPAR scan take seconds. The
// first step is a block of up to 7 consecutive columns: only windows whose k-mer there can still
// lead to a hit are visited, found through an index of where each k-mer occurs (kmerIndex).
import type { Background } from './background';
import type { Motif } from './motif';
import { buildScoringMatrix, DEFAULT_PSEUDOCOUNT, scoreThreshold, type ScoringMatrix } from './pssm';

/** Far below any reachable score (width ≤ ~1000 columns × 1000) yet safe from Int32 overflow. */
const UNKNOWN_SCORE = -(1 << 29);

export interface CompiledStrand {
  /**
   * The block: `blockWidth` consecutive columns from `blockStart`. Its k-mers whose score, with
   * the best letters of the other columns, could still reach the threshold are `accepted`; a
   * window with any other k-mer there cannot be a hit. Over JASPAR, 1.7 % of windows have an
   * accepted k-mer with 7-column blocks, 2.4 % with 6 columns, and 5.6 % passed the 4 most
   * informative columns, the first step before blocks.
   */
  blockStart: number;
  blockWidth: number;
  /** The accepted k-mer codes (see kmerCodes), ascending. */
  accepted: Int32Array;
  /** The block score of each accepted k-mer. */
  acceptedScores: Int32Array;
  /** lookup[j*5 + letter]: score of `letter` (0..3, 4 = unknown) at the j-th other column evaluated. */
  lookup: Int32Array;
  /** Position inside the window of the j-th other column evaluated. */
  offsets: Int32Array;
  /** Best score still reachable after evaluating step j. */
  remaining: Int32Array;
}

/**
 * Widest block. Compiling scores its 4^k k-mers per strand: 7 columns scanned JASPAR 1.3–1.4×
 * faster than 6 (fewer windows to visit) and compiled in about the same time; 8 was a little
 * faster still but took 2.5× as long to compile, and its codes would not fit the Uint16 of
 * kmerCodes.
 */
export const MAX_BLOCK_WIDTH = 7;

/**
 * k-mer codes of `codes` (0..3 = A, C, G, T; 4 = unknown): out[p] = the base-4 number of
 * codes[p..p+k), or 4^k when one of them is unknown. Positions past the last k-mer are 4^k too.
 */
export function kmerCodes(codes: Uint8Array, k: number): Uint16Array {
  const unknownCode = 4 ** k;
  const out = new Uint16Array(codes.length).fill(unknownCode);
  const mask = unknownCode - 1;
  let code = 0;
  let lastUnknown = -1;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c > 3) lastUnknown = i;
    code = ((code << 2) | (c & 3)) & mask;
    const start = i - k + 1;
    if (start >= 0 && lastUnknown < start) out[start] = code;
  }
  return out;
}

/**
 * Where each k-mer occurs: the positions p with kmerCodes(codes, k)[p] = c are
 * positions[offsets[c] … offsets[c + 1]), ascending. k-mers with an unknown letter are left out.
 */
export interface KmerIndex {
  offsets: Int32Array;
  positions: Int32Array;
}

export function kmerIndex(codes: Uint8Array, k: number): KmerIndex {
  const kmers = kmerCodes(codes, k);
  const kinds = 4 ** k;
  const offsets = new Int32Array(kinds + 2);
  // A counting sort of the positions by code (the unknown code 4^k is counted, then left out).
  for (let p = 0; p < kmers.length; p++) offsets[kmers[p] + 2]++;
  for (let c = 2; c < offsets.length; c++) offsets[c] += offsets[c - 1];
  const positions = new Int32Array(offsets[kinds + 1]);
  for (let p = 0; p < kmers.length; p++) {
    const c = kmers[p];
    if (c < kinds) positions[offsets[c + 1]++] = p;
  }
  return { offsets: offsets.subarray(0, kinds + 1), positions };
}

export interface CompiledMotif {
  index: number;
  motif: Motif;
  matrix: ScoringMatrix;
  /** Windows scoring at least this (integer) have p ≤ the scan threshold. */
  minScore: number;
  forward: CompiledStrand;
  reverse: CompiledStrand;
}

function compileStrand(scores: Int32Array, width: number, bg: Background, minScore: number): CompiledStrand {
  const rowMax = (i: number): number => Math.max(scores[i * 4], scores[i * 4 + 1], scores[i * 4 + 2], scores[i * 4 + 3]);
  const expected = (i: number): number => bg.reduce((acc, p, k) => acc + p * scores[i * 4 + k], 0);
  // Columns whose best letter stands furthest above the expected letter prune the most windows:
  // the block is the run of such columns with the largest sum, the others follow in that order.
  const pruning = (i: number): number => rowMax(i) - expected(i);
  const blockWidth = Math.min(MAX_BLOCK_WIDTH, width);
  let blockStart = 0;
  let best = -Infinity;
  for (let start = 0; start + blockWidth <= width; start++) {
    let sum = 0;
    for (let i = start; i < start + blockWidth; i++) sum += pruning(i);
    if (sum > best) [best, blockStart] = [sum, start];
  }
  const others = Array.from({ length: width }, (_, i) => i).filter((i) => i < blockStart || i >= blockStart + blockWidth);
  others.sort((a, b) => pruning(b) - pruning(a));
  const lookup = new Int32Array(others.length * 5);
  const offsets = Int32Array.from(others);
  const remaining = new Int32Array(others.length);
  others.forEach((col, j) => {
    for (let k = 0; k < 4; k++) lookup[j * 5 + k] = scores[col * 4 + k];
    lookup[j * 5 + 4] = UNKNOWN_SCORE;
  });
  let rest = 0;
  for (let j = others.length - 1; j >= 0; j--) {
    remaining[j] = rest;
    rest += rowMax(others[j]);
  }
  // Block scores column by column (a k-mer scores its first k − 1 letters plus its last); a block
  // entry is kept only if the best letters of every other column (`rest`) could reach the threshold.
  let prefix = new Int32Array([0]);
  for (let i = 0; i < blockWidth; i++) {
    const next = new Int32Array(prefix.length * 4);
    const column = (blockStart + i) * 4;
    for (let code = 0; code < next.length; code++) next[code] = prefix[code >> 2] + scores[column + (code & 3)];
    prefix = next;
  }
  const accepted: number[] = [];
  for (let code = 0; code < prefix.length; code++) if (prefix[code] + rest >= minScore) accepted.push(code);
  return { blockStart, blockWidth, accepted: Int32Array.from(accepted), acceptedScores: Int32Array.from(accepted, (code) => prefix[code]), lookup, offsets, remaining };
}

/** Reverse strand scores: the reverse complement of the forward integer matrix (bg is symmetric). */
function reverseComplementScores(scores: Int32Array, width: number): Int32Array {
  const out = new Int32Array(width * 4);
  for (let i = 0; i < width; i++) {
    const src = (width - 1 - i) * 4;
    for (let k = 0; k < 4; k++) out[i * 4 + k] = scores[src + 3 - k];
  }
  return out;
}

export function compileMotif(motif: Motif, index: number, bg: Background, pValueThreshold: number, pseudocount = DEFAULT_PSEUDOCOUNT): CompiledMotif {
  const matrix = buildScoringMatrix(motif, bg, pseudocount);
  const reverseScores = reverseComplementScores(matrix.scores, matrix.width);
  const minScore = scoreThreshold(matrix.pValues, pValueThreshold);
  return {
    index,
    motif,
    matrix,
    minScore,
    forward: compileStrand(matrix.scores, matrix.width, bg, minScore),
    reverse: compileStrand(reverseScores, matrix.width, bg, minScore),
  };
}
