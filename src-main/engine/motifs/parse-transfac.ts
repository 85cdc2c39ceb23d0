// TRANSFAC matrix format as JASPAR distributes it: records of two-letter tags, `AC` accession,
// `ID` name, a `P0`/`PO` header naming the letter columns, numbered count rows, `XX` separators and
// `//` between records. Columns are mapped by the header, so an unusual letter order still reads.
import { AppError } from '../../shared/errors';
import { motifFromRows, parseNumber, type Motif } from './motif';

export function parseTransfac(text: string, fileName: string, source: string, warnings?: string[]): Motif[] {
  const lines = text.split(/\r?\n/);
  const motifs: Motif[] = [];
  let ac = '';
  let id = '';
  let start = 0;
  let columns: number[] | null = null; // index of A,C,G,T among the row's value columns
  let rows: number[][] = [];
  const finish = (): void => {
    if (columns === null) {
      if (ac || id) throw new AppError('BAD_MOTIFS', `${fileName}:${start}: record '${ac || id}' has no P0 matrix`);
      return;
    }
    const motifId = ac || id;
    motifs.push(motifFromRows(rows, { id: motifId, altId: ac ? id : '', nsites: null, source, where: `${fileName}:${start}` }, warnings));
    ac = '';
    id = '';
    columns = null;
    rows = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s+$/, '');
    const where = `${fileName}:${i + 1}`;
    if (line === '') continue;
    const tag = line.slice(0, 2);
    if (tag === '//') {
      finish();
      continue;
    }
    if (!ac && !id && columns === null) start = i + 1;
    if (tag === 'AC') ac = line.slice(2).trim();
    else if (tag === 'ID') id = line.slice(2).trim();
    else if (tag === 'P0' || tag === 'PO') {
      const letters = line.slice(2).trim().split(/\s+/).map((s) => s.toUpperCase());
      columns = ['A', 'C', 'G', 'T'].map((b) => letters.indexOf(b));
      if (columns.some((c) => c < 0)) throw new AppError('BAD_MOTIFS', `${where}: matrix header must name A, C, G and T columns`);
    } else if (columns !== null && /^\d+$/.test(tag.trim()) && /^\d+\s/.test(line)) {
      const values = line.trim().split(/\s+/).slice(1);
      const cols = columns;
      // Some writers append a consensus letter after the counts; only the named columns are read.
      rows.push(cols.map((c) => {
        if (c >= values.length) throw new AppError('BAD_MOTIFS', `${where}: matrix row has ${values.length} values`);
        return parseNumber(values[c], where);
      }));
    }
  }
  if (columns !== null) finish();
  return motifs;
}
