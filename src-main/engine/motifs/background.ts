// Order-0 nucleotide backgrounds for motif scanning: uniform, the scanned sequences' own
// composition, or a file (MEME background file `A 0.29` lines, or a MEME motif file's
// "Background letter frequencies"). When both strands are scanned the background is averaged with
// its complement, as MEME Suite does, so one p-value table serves both strands.
import { AppError } from '../../shared/errors';
import { BASE_INDEX } from '../genomics/nucleotides';
import { parseMeme } from './parse-meme';
import { readMotifText } from './read-motifs';

export type Background = [number, number, number, number];

export interface BackgroundInfo {
  probs: Background;
  /** What the user should be told: 'uniform', 'sequence composition', or the file name. */
  description: string;
}

export const UNIFORM_BACKGROUND: Background = [0.25, 0.25, 0.25, 0.25];

export function symmetrize(bg: readonly number[]): Background {
  const at = (bg[0] + bg[3]) / 2;
  const cg = (bg[1] + bg[2]) / 2;
  const total = 2 * (at + cg);
  return [at / total, cg / total, cg / total, at / total];
}

/**
 * Composition of A,C,G,T (either case) over the sequences, unknown letters ignored. One pseudocount
 * per letter keeps a letter that never occurs (a poly-A test sequence) from getting probability 0,
 * which would make its log-odds infinite.
 */
export function sequenceComposition(sequences: Iterable<string>): Background {
  const counts = [1, 1, 1, 1];
  for (const s of sequences) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const k = c < 256 ? BASE_INDEX[c] : 4;
      if (k < 4) counts[k]++;
    }
  }
  const total = counts[0] + counts[1] + counts[2] + counts[3];
  return [counts[0] / total, counts[1] / total, counts[2] / total, counts[3] / total];
}

/** Parses a MEME background file (order-0 lines; higher orders and `#` comments are skipped). */
export function parseBackgroundText(text: string, fileName: string): Background {
  if (/^MEME version/m.test(text)) {
    const bg = parseMeme(text, fileName, fileName).background;
    if (bg === null) throw new AppError('BAD_MOTIFS', `${fileName}: MEME file has no "Background letter frequencies"`);
    return bg as Background;
  }
  const freq = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [letter, value] = line.split(/\s+/);
    const v = Number(value);
    if (!Number.isFinite(v) || v < 0) throw new AppError('BAD_MOTIFS', `${fileName}:${i + 1}: expected '<letter> <frequency>', got '${line}'`);
    if (letter.length === 1) freq.set(letter.toUpperCase(), v);
  });
  const probs = ['A', 'C', 'G', 'T'].map((b) => {
    const v = freq.get(b);
    if (v === undefined || v <= 0) throw new AppError('BAD_MOTIFS', `${fileName}: background must give a positive frequency for ${b}`);
    return v;
  });
  const total = probs[0] + probs[1] + probs[2] + probs[3];
  return probs.map((p) => p / total) as Background;
}

export async function readBackgroundFile(path: string): Promise<Background> {
  return parseBackgroundText(await readMotifText(path), path);
}

/** Resolves the CLI/UI choice `uniform | sequence | <file>` to probabilities and a description. */
export async function resolveBackground(choice: string, sequences: () => Iterable<string>): Promise<BackgroundInfo> {
  if (choice === 'uniform') return { probs: UNIFORM_BACKGROUND, description: 'uniform' };
  if (choice === 'sequence') return { probs: sequenceComposition(sequences()), description: 'sequence composition' };
  return { probs: await readBackgroundFile(choice), description: choice };
}
