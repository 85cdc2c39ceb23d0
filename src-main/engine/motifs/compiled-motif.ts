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
  /**
   * A second block of up to 6 consecutive columns outside the first (secondWidth 0: none), scored
   * with one read of `second` at the window's k-mer code there; `second[4^k]` (a k-mer with an
   * unknown letter) is far below any score. A window whose two blocks plus the best letters of
   * the remaining columns (`afterSecond`) cannot reach the threshold ends there: 99.5 % of the
   * windows the first block lets through are no hit, and this one read replaces up to 6 steps.
   */
  secondStart: number;
  secondWidth: number;
  second: Int16Array;
  afterSecond: number;
  /** lookup[j*5 + letter]: score of `letter` (0..3, 4 = unknown) at the j-th other column evaluated. */
  lookup: Int32Array;
  /** Position inside the window of the j-th other column evaluated. */
  offsets: Int32Array;
  /** Best score still reachable after evaluating step j. */
  remaining: Int32Array;
}

/**
 * Widest first block: 7 columns scanned JASPAR 1.3–1.4× faster than 6 (fewer windows to visit);
 * 8 was only a little faster, and its codes would not fit the Uint16 of kmerCodes.
 */
export const MAX_BLOCK_WIDTH = 7;
/** The second block: 4^6 Int16 scores (8 KB per strand) stay in cache while a motif scans a batch. */
const SECOND_BLOCK_WIDTH = 6;
/** Narrower second blocks save too few steps to be worth a table read. */
const MIN_SECOND_BLOCK_WIDTH = 3;
/**
 * A second-block k-mer with an unknown letter (Int16's minimum). A motif gets a second block only
 * if this sinks every window below the threshold, even with the best letters everywhere else
 * (cells are 0..1000: motifs of up to about 38 columns); a wider one refuses unknown letters
 * column by column instead.
 */
const UNKNOWN_BLOCK_SCORE = -32768;

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
 * Where each k-mer occurs: the positions p with kmers[p] = c are positions[offsets[c] …
 * offsets[c + 1]), ascending, for `kmers` = kmerCodes(…, k). k-mers with an unknown letter are
 * left out.
 */
export interface KmerIndex {
  offsets: Int32Array;
  positions: Int32Array;
}

export function kmerIndex(kmers: Uint16Array, k: number): KmerIndex {
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
  // the blocks are runs of such columns with the largest sums, the others follow in that order.
  const pruning = (i: number): number => rowMax(i) - expected(i);
  const blockWidth = Math.min(MAX_BLOCK_WIDTH, width);
  const blockStart = bestRun(0, width, blockWidth, pruning).start;
  let second = secondBlock(width, blockStart, blockWidth, pruning);
  const columns = Array.from({ length: width }, (_, i) => i);
  const inBlock = (i: number): boolean => i >= blockStart && i < blockStart + blockWidth;
  const inSecond = (i: number): boolean => i >= second.start && i < second.start + second.width;
  const bestOf = (cols: number[]): number => cols.reduce((acc, i) => acc + rowMax(i), 0);
  // The second block's unknown score must sink a window even with the best letters everywhere else.
  if (bestOf(columns.filter(inBlock)) + UNKNOWN_BLOCK_SCORE + bestOf(columns.filter((i) => !inBlock(i) && !inSecond(i))) >= minScore) second = NO_SECOND_BLOCK;
  const others = columns.filter((i) => !inBlock(i) && !inSecond(i)).sort((a, b) => pruning(b) - pruning(a));
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
  // A first-block k-mer is accepted only if the best letters of every other column (the second
  // block's and `rest`) could reach the threshold.
  const { codes: accepted, scores: acceptedScores } = acceptedKmers(scores, blockStart, blockWidth, minScore - bestOf(columns.filter(inSecond)) - rest, rowMax);
  const secondTable = new Int16Array(4 ** second.width + 1).fill(UNKNOWN_BLOCK_SCORE);
  if (second.width > 0) secondTable.set(kmerScores(scores, second.start, second.width));
  return {
    blockStart, blockWidth, accepted, acceptedScores,
    secondStart: second.start, secondWidth: second.width, second: secondTable, afterSecond: rest, lookup, offsets, remaining,
  };
}

/** The run of `w` consecutive columns in [from, to) with the largest pruning sum (the first of equals). */
function bestRun(from: number, to: number, w: number, pruning: (i: number) => number): { start: number; sum: number } {
  let best = { start: from, sum: -Infinity };
  for (let start = from; start + w <= to; start++) {
    let sum = 0;
    for (let i = start; i < start + w; i++) sum += pruning(i);
    if (sum > best.sum) best = { start, sum };
  }
  return best;
}

const NO_SECOND_BLOCK = { start: 0, width: 0 };

/**
 * The run of up to SECOND_BLOCK_WIDTH consecutive columns beside the first block that prunes best,
 * or none when fewer than MIN_SECOND_BLOCK_WIDTH columns lie on either side.
 */
function secondBlock(width: number, blockStart: number, blockWidth: number, pruning: (i: number) => number): { start: number; width: number } {
  let best = { ...NO_SECOND_BLOCK, sum: -Infinity };
  for (const [from, to] of [[0, blockStart], [blockStart + blockWidth, width]]) {
    const w = Math.min(SECOND_BLOCK_WIDTH, to - from);
    if (w < MIN_SECOND_BLOCK_WIDTH) continue;
    const run = bestRun(from, to, w, pruning);
    if (run.sum > best.sum) best = { start: run.start, width: w, sum: run.sum };
  }
  return { start: best.start, width: best.width };
}

/**
 * The k-mers of columns [start, start + k) scoring at least `bound`, ascending, with their scores.
 * Letters are tried column by column and a prefix is dropped as soon as even the best letters of
 * the columns after it cannot reach the bound: a few percent of the 4^k k-mers pass, so this
 * visits far fewer than all of them.
 */
function acceptedKmers(scores: Int32Array, start: number, k: number, bound: number, rowMax: (i: number) => number): { codes: Int32Array; scores: Int32Array } {
  const bestAfter = new Float64Array(k + 1); // best score of columns i … k − 1
  for (let i = k - 1; i >= 0; i--) bestAfter[i] = bestAfter[i + 1] + rowMax(start + i);
  const codes: number[] = [];
  const kept: number[] = [];
  const visit = (i: number, code: number, score: number): void => {
    if (score + bestAfter[i] < bound) return;
    if (i === k) {
      codes.push(code);
      kept.push(score);
      return;
    }
    const column = (start + i) * 4;
    for (let letter = 0; letter < 4; letter++) visit(i + 1, code * 4 + letter, score + scores[column + letter]);
  };
  visit(0, 0, 0);
  return { codes: Int32Array.from(codes), scores: Int32Array.from(kept) };
}

/**
 * Scores of every k-mer of columns [start, start + k), column by column (a k-mer scores its first
 * k − 1 letters plus its last). k = 0 gives the one empty k-mer, scored 0.
 */
function kmerScores(scores: Int32Array, start: number, k: number): Int32Array {
  let prefix = new Int32Array([0]);
  for (let i = 0; i < k; i++) {
    const next = new Int32Array(prefix.length * 4);
    const column = (start + i) * 4;
    for (let code = 0; code < next.length; code++) next[code] = prefix[code >> 2] + scores[column + (code & 3)];
    prefix = next;
  }
  return prefix;
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
