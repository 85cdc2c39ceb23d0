// The New-run "Regions" field: what a person types (one region per line, or several on a line
// separated by commas or spaces) to the strings the run service takes (RunRequest.regions), with
// the syntax problems found as they type. The convention is the service's (engine/genomics/
// region.ts, `plrp runs start --region`): `chr:start-end`, 1-based and inclusive as samtools and
// genome browsers show it, commas allowed inside numbers, `chr:start` to the record's end, or a
// sequence name for the whole record. Whether the chromosome exists and the region fits on it is
// for the service to say: only it has the FASTA's index.

export interface RegionText {
  /** The regions, in the order typed, as the request carries them. */
  regions: string[];
  /** Syntax problems, one per offending region, in words for the form. */
  problems: string[];
}

/** The service's pattern (region.ts parseRegion): name, 1-based start, optional inclusive end. */
const LOCUS = /^(.+):([\d,]+)(?:-([\d,]+))?$/;

/**
 * Splits on whitespace and on commas, except a comma inside a number ("chr1:1,000-2,000"): one
 * followed by exactly three digits and then the number's end. So "chr1:100-200,chr2:5-9" and
 * Ensembl's "1:100-200,2:300-400" are two regions each.
 */
const SEPARATOR = /\s+|,(?!\d{3}(?:[,\-\s]|$))/;

export function parseRegionText(text: string): RegionText {
  const regions = text.split(SEPARATOR).filter((s) => s !== '');
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of regions) {
    const problem = regionProblem(r);
    if (problem) problems.push(problem);
    else if (seen.has(r)) problems.push(`${r} is given twice: each region is one sequence of the run, named by it`);
    seen.add(r);
  }
  return { regions, problems };
}

/** Why `region` cannot be a region, or null. A string without ':' may be a whole sequence's name. */
function regionProblem(region: string): string | null {
  if (!region.includes(':')) return null;
  const m = LOCUS.exec(region);
  if (m === null) return `${region}: expected chr:start-end (1-based, inclusive) or a sequence name`;
  const start = Number(m[2].replace(/,/g, ''));
  const end = m[3] === undefined ? null : Number(m[3].replace(/,/g, ''));
  if (start < 1) return `${region}: positions start at 1 (1-based, as genome browsers show them)`;
  if (end !== null && end < start) return `${region}: the end is before the start`;
  return null;
}
