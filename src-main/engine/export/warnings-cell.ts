// A sequence's warnings (too short, mostly N, PLRP magnified relevance…) as one TSV cell, so the
// table exports (`plrp runs export`'s sequences.tsv, the app's Table (TSV)) say which rows may
// mislead: the warnings joined by "; ", empty for a sequence without any. Tabs and line ends in a
// warning (it may quote a FASTA header) become spaces, so the cell never breaks the row.
export function warningsCell(warnings: readonly string[]): string {
  return warnings.map((w) => w.replace(/[\t\r\n]+/g, ' ')).join('; ');
}
