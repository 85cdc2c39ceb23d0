// JASPAR's two plain formats (https://jaspar.elixir.no/docs/): the bracket format
// (`>MA0004.1 Arnt` then `A [ 4 19 0 … ]` for A, C, G, T) and the raw PFM bundle (`>MA0004.1 Arnt`
// then four rows of counts, A, C, G, T, without letters). Both store rows per letter; we transpose to
// [width][4].
import { AppError } from '../../shared/errors';
import { motifFromRows, parseNumber, type Motif } from './motif';

const LETTERS = ['A', 'C', 'G', 'T'];

export function parseJaspar(text: string, fileName: string, source: string, warnings?: string[]): Motif[] {
  const lines = text.split(/\r?\n/);
  const motifs: Motif[] = [];
  let header: { id: string; altId: string; line: number } | null = null;
  let letterRows: number[][] = [];
  const finish = (): void => {
    if (header === null) return;
    const where = `${fileName}:${header.line}`;
    if (letterRows.length !== 4) throw new AppError('BAD_MOTIFS', `${where}: motif '${header.id}' has ${letterRows.length} count rows, expected 4 (A, C, G, T)`);
    const width = letterRows[0].length;
    if (letterRows.some((r) => r.length !== width)) throw new AppError('BAD_MOTIFS', `${where}: motif '${header.id}' has count rows of different lengths`);
    const rows = Array.from({ length: width }, (_, k) => letterRows.map((r) => r[k]));
    motifs.push(motifFromRows(rows, { id: header.id, altId: header.altId, nsites: null, source, where }, warnings));
    header = null;
    letterRows = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const where = `${fileName}:${i + 1}`;
    if (line === '') continue;
    if (line.startsWith('>')) {
      finish();
      const [id, ...rest] = line.slice(1).trim().split(/\s+/);
      if (!id) throw new AppError('BAD_MOTIFS', `${where}: motif header without an identifier`);
      header = { id, altId: rest.join(' '), line: i + 1 };
      continue;
    }
    if (header === null) throw new AppError('BAD_MOTIFS', `${where}: counts before any '>' motif header`);
    // Bracket rows name their letter; raw PFM rows are in A, C, G, T order.
    const m = /^([ACGT])\s*\[(.*)\]$/i.exec(line);
    if (m !== null) {
      const expected = LETTERS[letterRows.length];
      if (m[1].toUpperCase() !== expected) throw new AppError('BAD_MOTIFS', `${where}: row '${m[1]}' where '${expected}' was expected (rows must be A, C, G, T)`);
    }
    const body = m !== null ? m[2] : line;
    if (letterRows.length === 4) throw new AppError('BAD_MOTIFS', `${where}: motif '${header.id}' has more than 4 count rows`);
    letterRows.push(body.trim().split(/\s+/).map((t) => parseNumber(t, where)));
  }
  finish();
  return motifs;
}
