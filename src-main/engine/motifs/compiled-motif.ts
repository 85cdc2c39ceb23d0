// A motif compiled for fast scanning: integer scores in Int32 lookup tables indexed by
// [evaluation step][letter], with an unknown-letter column so low that any window containing N or
// an IUPAC code fails the bound check (FIMO skips such windows). Columns are evaluated most
// informative first and a window is abandoned as soon as even the best remaining letters could not
// reach the score threshold — the classic lookahead that makes a full JASPAR scan take seconds.
import type { Background } from './background';
import type { Motif } from './motif';
import { buildScoringMatrix, DEFAULT_PSEUDOCOUNT, scoreThreshold, type ScoringMatrix } from './pssm';

/** Far below any reachable score (width ≤ ~1000 columns × 1000) yet safe from Int32 overflow. */
const UNKNOWN_SCORE = -(1 << 29);

export interface CompiledStrand {
  /** lookup[j*5 + letter]: score of `letter` (0..3, 4 = unknown) at the j-th evaluated column. */
  lookup: Int32Array;
  /** Position inside the window of the j-th evaluated column. */
  offsets: Int32Array;
  /** Best score still reachable after evaluating step j. */
  remaining: Int32Array;
  /**
   * Score of the first PREFIX_STEPS evaluated columns for every letter combination
   * (index ((a·5+b)·5+c)·5+d), or REJECTED when even the best remaining letters cannot reach the
   * threshold: one table read discards most windows (empty when width < PREFIX_STEPS).
   */
  prefix: Int32Array;
}

export const PREFIX_STEPS = 4;
export const REJECTED = UNKNOWN_SCORE;

export interface CompiledMotif {
  index: number;
  motif: Motif;
  matrix: ScoringMatrix;
  /** Windows scoring at least this (integer) have p ≤ the scan threshold. */
  minScore: number;
  forward: CompiledStrand;
  reverse: CompiledStrand;
}

function prefixTable(lookup: Int32Array, remaining: Int32Array, width: number, minScore: number): Int32Array {
  if (width < PREFIX_STEPS) return new Int32Array(0);
  const table = new Int32Array(5 ** PREFIX_STEPS);
  for (let code = 0; code < table.length; code++) {
    // code = ((a·5 + b)·5 + c)·5 + d: letters of the first PREFIX_STEPS evaluated columns.
    let s = 0;
    for (let j = PREFIX_STEPS - 1, rest = code; j >= 0; j--, rest = Math.floor(rest / 5)) s += lookup[j * 5 + (rest % 5)];
    // Unknown letters make s hugely negative, so such windows are rejected here too.
    table[code] = s + remaining[PREFIX_STEPS - 1] < minScore ? REJECTED : s;
  }
  return table;
}

function compileStrand(scores: Int32Array, width: number, bg: Background, minScore: number): CompiledStrand {
  const cols = Array.from({ length: width }, (_, i) => i);
  const rowMax = (i: number): number => Math.max(scores[i * 4], scores[i * 4 + 1], scores[i * 4 + 2], scores[i * 4 + 3]);
  const expected = (i: number): number => bg.reduce((acc, p, k) => acc + p * scores[i * 4 + k], 0);
  // Columns whose best letter stands furthest above the expected letter prune the most windows.
  cols.sort((a, b) => rowMax(b) - expected(b) - (rowMax(a) - expected(a)));
  const lookup = new Int32Array(width * 5);
  const offsets = new Int32Array(width);
  const remaining = new Int32Array(width);
  cols.forEach((col, j) => {
    for (let k = 0; k < 4; k++) lookup[j * 5 + k] = scores[col * 4 + k];
    lookup[j * 5 + 4] = UNKNOWN_SCORE;
    offsets[j] = col;
  });
  let rest = 0;
  for (let j = width - 1; j >= 0; j--) {
    remaining[j] = rest;
    rest += rowMax(cols[j]);
  }
  return { lookup, offsets, remaining, prefix: prefixTable(lookup, remaining, width, minScore) };
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
