// Seeded dinucleotide shuffle of a one-hot sequence: a sequence with exactly the same dinucleotide
// counts (hence the same base composition) in a new order — the `shuffle` faithfulness baseline,
// which removes a region's information while keeping local composition realistic.
// Algorithm: the Eulerian-path construction of Altschul & Erickson (1985) in the simplified form
// used by DeepLIFT/tfmodisco (`dinuc_shuffle`): each token's list of successors is shuffled except
// its last entry, which is kept; the original last exits form a spanning arborescence towards the
// final token, so the walk always uses every edge (every dinucleotide) exactly once.
import type { Rng } from './rng';

/** Token of a row: 0..3 for a one-hot base, 4 for anything else (N, soft or masked rows). */
function tokens(onehot: Float32Array, lengthBp: number): Uint8Array {
  const t = new Uint8Array(lengthBp);
  for (let i = 0; i < lengthBp; i++) {
    const o = i * 4;
    let base = 4;
    let ones = 0;
    let zeros = 0;
    for (let c = 0; c < 4; c++) {
      const v = onehot[o + c];
      if (v === 1) {
        ones++;
        base = c;
      } else if (v === 0) zeros++;
    }
    t[i] = ones === 1 && zeros === 3 ? base : 4;
  }
  return t;
}

/** The shuffle as a map: result row j is input row order[j]. */
export function dinucleotideShuffleOrder(onehot: Float32Array, lengthBp: number, rng: Rng): Int32Array {
  const order = new Int32Array(lengthBp);
  if (lengthBp === 0) return order;
  const tok = tokens(onehot, lengthBp);
  const next: number[][] = [[], [], [], [], []];
  for (let i = 0; i + 1 < lengthBp; i++) next[tok[i]].push(i + 1);
  for (const list of next) {
    // Fisher–Yates on all but the last successor.
    for (let i = list.length - 2; i > 0; i--) {
      const j = rng.int(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
  }
  const used = new Int32Array(5);
  let at = 0;
  order[0] = 0;
  for (let j = 1; j < lengthBp; j++) {
    const t = tok[at];
    at = next[t][used[t]++];
    order[j] = at;
  }
  return order;
}

export function dinucleotideShuffle(onehot: Float32Array, lengthBp: number, rng: Rng): Float32Array {
  const order = dinucleotideShuffleOrder(onehot, lengthBp, rng);
  const out = new Float32Array(lengthBp * 4);
  for (let j = 0; j < lengthBp; j++) out.set(onehot.subarray(order[j] * 4, order[j] * 4 + 4), j * 4);
  return out;
}
