// File names derived from user data (FASTA headers, region names, motif names, method ids). A header such as
// `../../x` or `/etc/passwd` must never make an export escape its folder, and names that differ only
// in characters we replace must not overwrite each other.
import { resolve, sep } from 'node:path';
import { AppError } from '../../shared/errors';

const MAX_NAME_CHARS = 120;
/** Windows device names are unopenable as files there, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A comma between a digit and a group of three (`1,001`, `12,345,678`): a thousands separator, as
 * in a locus copied from a genome browser (`chr2:1,001-1,200`), which the region parser and genome
 * browsers read without it. Other commas are characters like any other (`peak1,2` keeps its `_`).
 */
const THOUSANDS_SEPARATOR = /(?<=\d),(?=\d{3}(?!\d))/g;

export function safeFileName(name: string): string {
  // Thousands separators go first, so `chr2:1,001-1,200` gives the file `chr2_1001-1200`, as
  // `chr2:1001-1200` does, not `chr2_1_001-1_200`.
  let s = name.normalize('NFC').replace(THOUSANDS_SEPARATOR, '').replace(/[^A-Za-z0-9._+-]+/g, '_').replace(/^[.]+/, '_').slice(0, MAX_NAME_CHARS);
  if (s === '') s = 'unnamed';
  if (RESERVED.test(s.split('.')[0])) s = `_${s}`;
  return s;
}

/** Safe names for a list, with `_2`, `_3`… added where two inputs map to the same file name. */
export function uniqueSafeNames(names: readonly string[]): string[] {
  // Compared case-insensitively: macOS and Windows file systems would merge `chrX` and `chrx`.
  const taken = new Set<string>();
  return names.map((n) => {
    const base = safeFileName(n);
    let candidate = base;
    for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${base}_${k}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Joins `dir` and a sanitised `name`, and checks the result stays inside `dir`. */
export function safeJoin(dir: string, name: string, extension = ''): string {
  const root = resolve(dir);
  const full = resolve(root, safeFileName(name) + extension);
  if (!full.startsWith(root + sep)) throw new AppError('IO_ERROR', `refusing to write '${name}' outside ${root}`);
  return full;
}
