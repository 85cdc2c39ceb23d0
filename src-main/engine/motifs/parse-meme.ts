// MEME minimal motif format (https://meme-suite.org/meme/doc/meme-format.html): `MEME version`,
// optional `ALPHABET=`, `strands:`, `Background letter frequencies` (next line(s): `A p C p G p T p`),
// then per motif `MOTIF id [alt]` and `letter-probability matrix: alength= 4 w= W nsites= N E= e`
// followed by W rows of 4 probabilities.
import { AppError } from '../../shared/errors';
import { motifFromRows, parseNumber, type Motif } from './motif';

export interface MemeFile {
  motifs: Motif[];
  /** A,C,G,T background from the file, null when absent. */
  background: number[] | null;
}

export function parseMeme(text: string, fileName: string, source: string, warnings?: string[]): MemeFile {
  const lines = text.split(/\r?\n/);
  const motifs: Motif[] = [];
  let background: number[] | null = null;
  let pending: { id: string; altId: string; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const where = `${fileName}:${i + 1}`;
    if (line.startsWith('ALPHABET=')) {
      const alphabet = line.slice('ALPHABET='.length).trim();
      if (alphabet !== 'ACGT' && !/^DNA\b/i.test(alphabet)) throw new AppError('BAD_MOTIFS', `${where}: alphabet '${alphabet}' is not DNA (ACGT)`);
    } else if (line.startsWith('Background letter frequencies')) {
      const tokens: string[] = [];
      for (let j = i + 1; j < lines.length && tokens.length < 8 && lines[j].trim() !== ''; j++) tokens.push(...lines[j].trim().split(/\s+/));
      const freq: Record<string, number> = {};
      for (let k = 0; k + 1 < tokens.length; k += 2) freq[tokens[k].toUpperCase()] = parseNumber(tokens[k + 1], where);
      if (['A', 'C', 'G', 'T'].every((b) => freq[b] !== undefined)) {
        const sum = freq.A + freq.C + freq.G + freq.T;
        background = ['A', 'C', 'G', 'T'].map((b) => freq[b] / sum);
      }
    } else if (line.startsWith('MOTIF')) {
      const parts = line.split(/\s+/);
      if (parts.length < 2) throw new AppError('BAD_MOTIFS', `${where}: MOTIF line without an identifier`);
      pending = { id: parts[1], altId: parts[2] ?? '', line: i + 1 };
    } else if (line.startsWith('letter-probability matrix')) {
      if (pending === null) throw new AppError('BAD_MOTIFS', `${where}: letter-probability matrix before any MOTIF line`);
      const width = /w=\s*(\d+)/.exec(line)?.[1];
      const nsites = /nsites=\s*([0-9.eE+-]+)/.exec(line)?.[1];
      const rows: number[][] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const row = lines[j].trim();
        if (row === '' && rows.length === 0) continue;
        if (!/^[0-9.eE+-]/.test(row)) break;
        if (width !== undefined && rows.length === Number(width)) break;
        rows.push(row.split(/\s+/).map((t) => parseNumber(t, `${fileName}:${j + 1}`)));
      }
      if (width !== undefined && rows.length !== Number(width)) {
        throw new AppError('BAD_MOTIFS', `${where}: motif '${pending.id}' declares w= ${width} but has ${rows.length} rows`);
      }
      const n = nsites === undefined ? null : Number(nsites);
      motifs.push(motifFromRows(rows, { id: pending.id, altId: pending.altId, nsites: n !== null && n > 0 ? n : null, source, where, kind: 'probabilities' }, warnings));
      pending = null;
      i = j - 1;
    }
  }
  return { motifs, background };
}
