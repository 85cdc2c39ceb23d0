// One-hot encoding of DNA as [L, 4] in A,C,G,T order (row-major: base i, channel c at i*4+c).
// N and IUPAC ambiguity codes become the "unknown" column: all zeros (tangermeme's convention, the
// default) or 0.25 in every channel (Kipoi/Enformer), chosen per model (../shared/spec/genomics.md).
import { BASE_INDEX } from './nucleotides';

export type UnknownEncoding = 'zeros' | 'quarter';

export function encodeOneHot(sequence: string, unknown: UnknownEncoding = 'zeros'): Float32Array {
  const out = new Float32Array(sequence.length * 4);
  encodeOneHotInto(sequence, out, 0, unknown);
  return out;
}

/** Writes the encoding of `sequence` into `out` starting at base `offsetBp` (batch building). */
export function encodeOneHotInto(sequence: string, out: Float32Array, offsetBp: number, unknown: UnknownEncoding = 'zeros'): void {
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence.charCodeAt(i);
    const k = c < 256 ? BASE_INDEX[c] : 4;
    const base = (offsetBp + i) * 4;
    if (k < 4) out[base + k] = 1;
    else if (unknown === 'quarter') out.fill(0.25, base, base + 4);
  }
}

/** Inverse of encodeOneHot: the argmax letter per row, N for an all-zero or uniform row. */
export function decodeOneHot(data: Float32Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 4) {
    let best = -1;
    let bestValue = 0;
    let ties = 0;
    for (let c = 0; c < 4; c++) {
      const v = data[i + c];
      if (v > bestValue) { best = c; bestValue = v; ties = 0; } else if (v === bestValue && v > 0) ties++;
    }
    s += best < 0 || ties > 0 ? 'N' : 'ACGT'[best];
  }
  return s;
}
