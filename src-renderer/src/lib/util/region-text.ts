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
  // By the bases a region names, not by how it is written: chr1:1,001-1,200 is chr1:1001-1200.
  const seen = new Map<string, string>();
  for (const r of regions) {
    const problem = regionProblem(r);
    const key = placeKey(r);
    const earlier = seen.get(key);
    if (problem) problems.push(problem);
    else if (earlier === r) problems.push(`${r} is given twice: each region is one sequence of the run, named by it`);
    else if (earlier !== undefined) problems.push(`${r} is the same region as ${earlier}: each region is one sequence of the run, give it once`);
    if (earlier === undefined) seen.set(key, r);
  }
  return { regions, problems };
}

/** The bases a region names, as text that is equal for equal regions however they are written. */
function placeKey(region: string): string {
  const m = LOCUS.exec(region);
  if (m === null) return region;
  const start = Number(m[2].replace(/,/g, ''));
  return `${m[1]}:${start}-${m[3] === undefined ? '' : Number(m[3].replace(/,/g, ''))}`;
}

/**
 * The host's regions check says every problem, one per line (server/api/regions-summary.ts): those
 * about the BED file start with its name and line ("peaks.bed:3: …") or say it lists none; the rest
 * are about the typed regions. Each list is shown by the field it concerns.
 */
export function problemsByField(message: string, bedName: string | null): { typed: string[]; bed: string[] } {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  const aboutBed = (l: string): boolean => bedName !== null && (l.startsWith(`${bedName}:`) || l.includes(`${bedName} lists none`));
  const bed = lines.filter(aboutBed);
  // "… and 3 more problems" belongs with the list it ends.
  const typed = lines.filter((l) => !aboutBed(l));
  if (bed.length > 0 && typed.length === 1 && typed[0].startsWith('… and ')) return { typed: [], bed: [...bed, typed[0]] };
  return { typed, bed };
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
