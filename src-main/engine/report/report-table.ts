// Tables of the run report, built to print legibly on A4 and Letter: a number never wraps inside
// itself (a squeezed column once printed 200 bp as "2/0/0"), a name breaks only after a separator,
// and a column that is empty in every row takes no width.
import { escapeHtml as esc } from './html-escape';

/**
 * How a column's cells may wrap. `text` wraps between words; `long` (paths, checksums, JSON) wraps
 * anywhere; `number` never wraps; `numbers` (a list like "0.99, 0.01") wraps between numbers only;
 * `name` is a sequence, layer or motif name, whose cell comes from nameCell.
 */
export type ColumnKind = 'text' | 'long' | 'number' | 'numbers' | 'name';
export interface Column { label: string; kind?: ColumnKind }

/** Names up to this length stay on one line; longer ones break after separators. */
const ONE_LINE_NAME = 16;
/** Longer names are cut here in the visible text; the cell's title keeps the whole name. */
const LONGEST_SHOWN_NAME = 60;
const SEPARATOR = /([_.:|/,;=)\]-])/;

/**
 * A name as cell HTML (escaped). A short name such as `test_00000` never breaks; a longer one
 * (`chr1:1000000-1000200(+)`) may break after `_ . : | / - , ; = ) ]` and, in a run of 16
 * characters without any, after the 16th. A name longer than 60 characters is cut with "…" and
 * kept whole in the title attribute.
 */
export function nameCell(name: string): string {
  const cut = name.length > LONGEST_SHOWN_NAME;
  const shown = cut ? `${name.slice(0, LONGEST_SHOWN_NAME - 1)}…` : name;
  let html: string;
  if (shown.length <= ONE_LINE_NAME) {
    html = `<span class="nowrap">${esc(shown)}</span>`;
  } else {
    // split() with a capturing group alternates text (even indices) and separators (odd): a
    // separator ends the run before it; a long text is cut into runs of ONE_LINE_NAME characters.
    const runs: string[] = [];
    shown.split(SEPARATOR).forEach((piece, i) => {
      if (i % 2 === 1 || piece === '') {
        if (runs.length === 0) runs.push(piece);
        else runs[runs.length - 1] += piece;
        return;
      }
      for (let k = 0; k < piece.length; k += ONE_LINE_NAME) runs.push(piece.slice(k, k + ONE_LINE_NAME));
    });
    html = runs.map(esc).join('<wbr>');
  }
  return cut ? `<span title="${esc(name)}">${html}</span>` : html;
}

/** A list of numbers as one cell: each number unbreakable, the list wrapping between them. */
export function numberList(values: string[], separator = ', '): string {
  return values.map((v) => `<span class="nowrap">${v}</span>`).join(separator);
}

/** The columns (by index) with some content in at least one row; all of them when there are no rows. */
export function filledColumns(width: number, rows: string[][]): number[] {
  const all = Array.from({ length: width }, (_, i) => i);
  if (rows.length === 0) return all;
  return all.filter((i) => rows.some((r) => (r[i] ?? '').trim() !== ''));
}

const kindOf = (c: string | Column): Column => (typeof c === 'string' ? { label: c } : c);

/** A report table. Columns empty in every row are left out; `extraClass` styles the whole table. */
export function htmlTable(columns: (string | Column)[], rows: string[][], extraClass = ''): string {
  const cols = columns.map(kindOf);
  const keep = filledColumns(cols.length, rows);
  const cls = (c: Column): string => (c.kind && c.kind !== 'text' ? ` class="${c.kind}"` : '');
  const head = keep.map((i) => `<th${cls(cols[i])}>${esc(cols[i].label)}</th>`).join('');
  const body = rows.map((r) => `<tr>${keep.map((i) => `<td${cls(cols[i])}>${r[i] ?? ''}</td>`).join('')}</tr>`).join('');
  return `<table${extraClass ? ` class="${extraClass}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
