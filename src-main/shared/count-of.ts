// Counts in text meant for people (the app, reports, the CLI): "1 run", "3 runs", "100,000 sequences".

/** A count with its noun, plural unless one, with thousands separators. */
export function countOf(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
