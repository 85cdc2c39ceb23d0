// Motif file entry point: detects the format from the content (extensions lie: JASPAR serves
// `.txt` for three different formats) and dispatches to the matching parser.
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { readByteChunks } from '../genomics/byte-source';
import type { Motif } from './motif';
import { parseJaspar } from './parse-jaspar';
import { parseMeme } from './parse-meme';
import { parseTransfac } from './parse-transfac';

export type MotifFormat = 'meme' | 'jaspar' | 'pfm' | 'transfac';

export function detectMotifFormat(text: string, fileName: string): MotifFormat {
  if (/^MEME version/m.test(text)) return 'meme';
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  if (first === '') throw new AppError('BAD_MOTIFS', `${fileName}: motif file is empty`);
  if (/^(AC|ID|DE|NA|VV|XX|P0|PO)(\s|$)/.test(first) || /^(P0|PO)\s/m.test(text)) return 'transfac';
  if (first.startsWith('>')) return /^\s*[ACGT]\s*\[/im.test(text) ? 'jaspar' : 'pfm';
  throw new AppError(
    'BAD_MOTIFS',
    `${fileName}: not a recognised motif file (expected MEME, JASPAR, JASPAR PFM or TRANSFAC format; first line is '${first.slice(0, 40)}')`,
  );
}

/** Parses motif text of any supported format. Renormalisation notices are appended to `warnings`. */
export function parseMotifs(text: string, fileName: string, warnings?: string[]): Motif[] {
  const source = basename(fileName);
  const format = detectMotifFormat(text, fileName);
  const motifs =
    format === 'meme' ? parseMeme(text, fileName, source, warnings).motifs
    : format === 'transfac' ? parseTransfac(text, fileName, source, warnings)
    : parseJaspar(text, fileName, source, warnings);
  if (motifs.length === 0) throw new AppError('BAD_MOTIFS', `${fileName}: no motifs found (${format} format)`);
  return motifs;
}

export async function readMotifText(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of readByteChunks(path, 'BAD_MOTIFS')) chunks.push(chunk);
  const buf = Buffer.concat(chunks);
  if (buf.subarray(0, 8192).includes(0)) throw new AppError('BAD_MOTIFS', `${path}: is a binary file, not a motif file`);
  return buf.toString('utf8');
}

export async function readMotifFile(path: string, warnings?: string[]): Promise<Motif[]> {
  return parseMotifs(await readMotifText(path), path, warnings);
}
