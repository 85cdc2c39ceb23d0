// Seeded random DNA for the benchmarks: one-hot batches in the engine's [N, L, 4] A,C,G,T layout,
// letter strings, and FASTA files. Seeded so that every run times exactly the same input.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from '../../src-main/engine/metrics/rng';

const LETTERS = 'ACGT';

/** The engine's seeded mulberry32, as a bare draw function. */
export function rng(seed: number): () => number {
  return mulberry32(seed).next;
}

export function randomOneHot(n: number, lengthBp: number, seed: number): Float32Array {
  const next = rng(seed);
  const out = new Float32Array(n * lengthBp * 4);
  for (let i = 0; i < n * lengthBp; i++) out[i * 4 + Math.floor(next() * 4)] = 1;
  return out;
}

const CODES = Buffer.from(LETTERS, 'latin1');

export function randomLetters(lengthBp: number, next: () => number): string {
  const b = Buffer.allocUnsafe(lengthBp);
  for (let i = 0; i < lengthBp; i++) b[i] = CODES[Math.floor(next() * 4)];
  return b.toString('latin1');
}

/** One-hot [n, L, 4] from base indices 0..3 (the layout the torch script writes). */
export function oneHotFromIndices(indices: Uint8Array, n: number, lengthBp: number): Float32Array {
  const out = new Float32Array(n * lengthBp * 4);
  for (let i = 0; i < n * lengthBp; i++) out[i * 4 + indices[i]] = 1;
  return out;
}

/** Writes `count` records of `lengthBp` random bases, 60 per line; returns the bytes written. */
export async function writeRandomFasta(path: string, count: number, lengthBp: number, seed: number): Promise<number> {
  const next = rng(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  for (let r = 0; r < count; r++) {
    const seq = randomLetters(lengthBp, next);
    const lines: string[] = [`>seq${r} random ${lengthBp} bp`];
    for (let i = 0; i < seq.length; i += 60) lines.push(seq.slice(i, i + 60));
    const rec = `${lines.join('\n')}\n`;
    bytes += rec.length;
    if (!out.write(rec)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
