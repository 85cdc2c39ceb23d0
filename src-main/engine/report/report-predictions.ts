// The report's Predictions table: one row per sequence, for the first MAX_PREDICTION_ROWS only, so a
// report of a run of 20,000 sequences stays a document to read (it printed as tens of pages of
// table); a note above the table says how many were left out and how to get every row.
import { countOf } from '../../shared/count-of';
import { escapeHtml as esc, fmt } from './html-escape';
import type { OutJson } from './out-json';
import { htmlTable, nameCell, numberList, type Column } from './report-table';
import { outputName } from './output-name';

/** Rows the Predictions table lists: about four A4 pages, and all of a typical small run. */
export const MAX_PREDICTION_ROWS = 200;

/**
 * What the report was made from, so that its hints name what the reader can use: a cached run
 * reported by `plrp report RUN` (CLI options), by the app's Report button (`app`: the app's own
 * controls), or an out.json reported by `plrp report --from`.
 */
export type ReportSource = { runId: string; app?: boolean } | { outJson: string };

const OUTPUTS_SHOWN = 6;
/**
 * Σ R columns per table. Measured in print at A4 width (190 mm between the margins) with every
 * number as long as fmt writes them ("-0.007263") and 16-character names: up to 5 fit at the
 * normal size, 7 at the dense one (9 px); more explanations continue in further tables of 7.
 */
export const SUM_COLUMNS_PER_TABLE = 7;
const NORMAL_SIZE_SUM_COLUMNS = 5;

/** `labels`: the model's output names (the target column reads "spi1 (output 2)"), or null. */
export function predictionsSection(d: OutJson, source: ReportSource | null, labels: readonly string[] | null = null): string {
  const ids = d.explanations.map((e) => e.id);
  const listed = d.sequences.slice(0, MAX_PREDICTION_ROWS);
  // Two outputs (a binary model's pair) fit on one line; longer lists wrap between numbers.
  const outputKind = listed.every((s) => s.output.length <= 2) ? 'number' : 'numbers';
  const lead: Column[] = [
    { label: 'name', kind: 'name' }, { label: 'description' }, { label: 'bp', kind: 'number' }, { label: 'target', kind: labels ? 'text' : 'number' },
    { label: 'logit', kind: 'number' }, { label: 'output', kind: outputKind },
  ];
  const leadRows = listed.map((s) => {
    const out = numberList(s.output.slice(0, OUTPUTS_SHOWN).map((v) => fmt(v))) + (s.output.length > OUTPUTS_SHOWN ? ', …' : '');
    return [nameCell(s.name), esc(s.description), esc(s.length), esc(outputName(s.target, labels)), fmt(s.logit), out];
  });
  const sums = listed.map((s) => ids.map((id) => {
    let sum = 0;
    for (const row of s.relevance[id] ?? []) sum += row[0] + row[1] + row[2] + row[3];
    return fmt(s.relevance_sum?.[id] ?? sum);
  }));
  const cls = ids.length > NORMAL_SIZE_SUM_COLUMNS ? 'predictions dense' : 'predictions';
  const tables: string[] = [];
  for (let from = 0; from < ids.length; from += SUM_COLUMNS_PER_TABLE) {
    const to = Math.min(ids.length, from + SUM_COLUMNS_PER_TABLE);
    const sumColumns = ids.slice(from, to).map((id): Column => ({ label: `Σ R ${id}`, kind: 'number' }));
    // The first table leads with the sequence's numbers; a continuation repeats only its name.
    const columns = from === 0 ? [...lead, ...sumColumns] : [lead[0], ...sumColumns];
    const rows = listed.map((_, k) => [...(from === 0 ? leadRows[k] : [leadRows[k][0]]), ...sums[k].slice(from, to)]);
    const which = to - from === 1 ? `explanation ${to}` : `explanations ${from + 1}–${to}`;
    tables.push((from === 0 ? '' : `<h3>Σ R, continued: ${which} of ${ids.length}</h3>`) + htmlTable(columns, rows, from === 0 ? cls : `${cls} continued`));
  }
  // The note comes first: a reader learns the table is partial before paging through it.
  return leftOutNote(d.sequences.length, source) + tables.join('');
}

/** "First 200 of 20,000 sequences: 19,800 more …" and where all of them are; '' when none is left out. */
export function leftOutNote(total: number, source: ReportSource | null): string {
  const left = total - MAX_PREDICTION_ROWS;
  if (left <= 0) return '';
  const head = `The table lists the first ${MAX_PREDICTION_ROWS.toLocaleString('en-US')} of ${countOf(total, 'sequence')}: ${countOf(left, 'more sequence')} ${left === 1 ? 'is' : 'are'} not listed.`;
  const where = source && 'runId' in source && source.app
    ? ' Every sequence\'s numbers are in the run\'s sequence table, which the Run view exports with Export → Table (TSV).'
    : source && 'runId' in source
    ? ` Every sequence's numbers are in the run's sequence table: <code>plrp runs export ${esc(source.runId)} --out DIR</code> writes it as sequences.tsv, and the app's Run view exports it with Export → Table (TSV).`
    : source
      ? ` Every sequence's numbers are in ${esc(source.outJson)}; as a table: <code>plrp runs import ${esc(source.outJson)}</code>, then <code>plrp runs export RUN-ID --out DIR</code> writes sequences.tsv.`
      : ' Every sequence\'s numbers are in the run\'s sequence table (Export → Table (TSV) in the app, or <code>plrp runs export RUN-ID --out DIR</code>).';
  return `<p class="left-out">${head}${where}</p>`;
}
