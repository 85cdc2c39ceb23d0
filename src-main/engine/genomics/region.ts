// Region requests on large FASTA files: `chr1:1000-2000` (samtools syntax: 1-based inclusive,
// commas allowed, `chr1` alone = whole sequence) or BED intervals (0-based half-open), fetched by
// random access through the .fai index. Internally every region is 0-based half-open.
import { open } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { readBed, type BedInterval } from './bed-reader';
import { loadOrBuildFai, type FaiEntry } from './fai';
import { CLASS_INVALID, NUCLEOTIDE_CLASS } from './nucleotides';
import { MAX_RECORD_BP } from './record-limit';

export interface Region {
  chrom: string;
  start: number;
  end: number;
  /** Display name, e.g. `chr1:1000-2000` (1-based, as typed) or the BED name column. */
  name: string;
  /** Where the region was given, for messages: `peaks.bed:3` or `--region chr1:1000-2000`. */
  origin?: string;
  /** Given as a BED line (its name is the BED's 4th column, or chr:start-end without one). */
  fromBed?: boolean;
}

export interface RegionSequence extends Region {
  sequence: string;
}

/** Parses `chr:start-end` against the index (a whole-string match to a name wins, as in samtools). */
export function parseRegion(text: string, index: readonly FaiEntry[]): Region {
  const whole = index.find((e) => e.name === text);
  if (whole) return { chrom: text, start: 0, end: whole.lengthBp, name: text };
  const m = /^(.+):([\d,]+)(?:-([\d,]+))?$/.exec(text.trim());
  if (m === null) throw new AppError('USAGE', `region '${text}': expected chr:start-end (1-based, inclusive) or a sequence name`);
  const entry = index.find((e) => e.name === m[1]);
  if (!entry) throw new AppError('USAGE', `region '${text}': no sequence named '${m[1]}' in the FASTA index`);
  const start1 = Number(m[2].replace(/,/g, ''));
  const end1 = m[3] === undefined ? entry.lengthBp : Number(m[3].replace(/,/g, ''));
  if (start1 < 1 || end1 < start1) throw new AppError('USAGE', `region '${text}': start must be ≥ 1 and not after the end`);
  return checkBounds({ chrom: m[1], start: start1 - 1, end: end1, name: text }, entry, text);
}

/** `chr1:101-200`: where a region lies, 1-based and inclusive as samtools writes it. */
export function locus(r: Pick<Region, 'chrom' | 'start' | 'end'>): string {
  return `${r.chrom}:${r.start + 1}-${r.end}`;
}

function checkBounds(r: Region, entry: FaiEntry, what: string): Region {
  if (r.end > entry.lengthBp) {
    throw new AppError('USAGE', `${what}: extends past the end of '${entry.name}' (length ${entry.lengthBp.toLocaleString('en-US')} bp)`);
  }
  return r;
}

export function bedToRegions(intervals: readonly BedInterval[], index: readonly FaiEntry[], fileName: string): Region[] {
  return intervals.map((b) => {
    const entry = index.find((e) => e.name === b.chrom);
    const where = `${fileName}:${b.line}`;
    if (!entry) throw new AppError('BAD_BED', `${where}: no sequence named '${b.chrom}' in the FASTA`);
    // A 0-bp interval is valid BED (an insertion point) but has no bases to explain.
    if (b.end <= b.start) throw new AppError('BAD_BED', `${where}: region '${b.name ?? `${b.chrom}:${b.start}-${b.end}`}' is empty (start ${b.start}, end ${b.end}); a region to explain needs at least 1 bp`);
    return checkBounds({ chrom: b.chrom, start: b.start, end: b.end, name: bedRegionName(b.name) ?? locus(b), origin: where, fromBed: true }, entry, where);
  });
}

/**
 * A BED name column as a region's name: each space or tab becomes `_` (`peak one` → `peak_one`),
 * leading and trailing ones dropped; undefined when nothing is left. The name goes into BED files
 * (the seqlets BED's name column), where strict parsers split on spaces, and the same name must
 * head every file of the run (sequence table, hit tables, seqlets, file names), so it is changed
 * once, here, not file by file.
 */
export function bedRegionName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed ? trimmed.replace(/\s/g, '_') : undefined;
}

/**
 * Reads the bases of `region` (upper-cased) by byte offset arithmetic on the indexed FASTA. Every
 * byte is checked against where the index says it lies — a base inside a line, a line end after
 * it — so an index that does not describe the file fails here instead of shifting letters.
 */
export async function fetchRegion(fastaPath: string, entry: FaiEntry, region: Region): Promise<string> {
  if (region.end <= region.start) return '';
  const byteOf = (bp: number): number => entry.offset + Math.floor(bp / entry.lineBases) * entry.lineBytes + (bp % entry.lineBases);
  const from = byteOf(region.start);
  const to = byteOf(region.end - 1) + 1;
  const buf = Buffer.alloc(to - from);
  const handle = await open(fastaPath, 'r');
  let bytesRead = 0;
  try {
    ({ bytesRead } = await handle.read(buf, 0, buf.length, from));
  } finally {
    await handle.close();
  }
  const stale = `; the .fai index does not describe ${fastaPath} (delete ${fastaPath}.fai to rebuild it)`;
  if (bytesRead < buf.length) throw new AppError('BAD_FASTA', `${fastaPath}: region ${region.name} lies past the end of the file${stale}`);
  const out = Buffer.alloc(region.end - region.start);
  let n = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    const column = (from + i - entry.offset) % entry.lineBytes;
    if (column >= entry.lineBases) {
      if (b === 0x0a || b === 0x0d) continue;
      throw new AppError('BAD_FASTA', `${fastaPath}: expected a line end at byte ${from + i} in '${entry.name}' within ${region.name}${stale}`);
    }
    if (NUCLEOTIDE_CLASS[b] === CLASS_INVALID) {
      throw new AppError('BAD_FASTA', `${fastaPath}: unexpected byte 0x${b.toString(16).padStart(2, '0')} at byte ${from + i} in '${entry.name}' within ${region.name}${stale}`);
    }
    out[n++] = b & 0xdf;
  }
  if (n !== out.length) throw new AppError('BAD_FASTA', `${fastaPath}: region ${region.name} read ${n} bases instead of ${out.length}${stale}`);
  return out.toString('latin1');
}

/** What to cut out of an indexed FASTA: `chr:start-end` strings and/or BED intervals, in that order. */
export interface RegionList {
  strings?: readonly string[];
  bed?: { intervals: readonly BedInterval[]; fileName: string };
  /** How messages name a typed region (default: as the command-line argument `--region chr1:1-200`). */
  typedOrigin?: (text: string) => string;
}

/** `--region` strings and a `--regions` BED file, as `plrp explain` and `plrp runs start` take them. */
export async function regionListFrom(strings: readonly string[], bedPath: string | null | undefined, typedOrigin?: (text: string) => string): Promise<RegionList> {
  return { strings, bed: bedPath ? { intervals: await readBed(bedPath), fileName: bedPath } : undefined, typedOrigin };
}

/** Regions checked against the .fai (built if missing), before any base is read. */
export interface ResolvedRegions {
  fastaPath: string;
  /** What the user should know, e.g. that a stale .fai was rebuilt. */
  notes: string[];
  regions: Region[];
  entries: ReadonlyMap<string, FaiEntry>;
}

/**
 * Resolves region strings and BED intervals against the FASTA's index (building it if needed) and
 * refuses, before any base is read, what a run could not explain: the first problem is thrown.
 */
export async function resolveRegions(fastaPath: string, list: RegionList, maxBp = MAX_RECORD_BP): Promise<ResolvedRegions> {
  const { resolved, problems } = await checkRegions(fastaPath, list, maxBp);
  if (problems.length > 0) throw problems[0];
  return resolved;
}

/**
 * Every problem of a region list at once (New run lists them all): regions that do not fit the
 * FASTA, then what is wrong with the set (none at all, too long, a name twice). `resolved` holds the
 * regions that fit.
 */
export async function checkRegions(fastaPath: string, list: RegionList, maxBp = MAX_RECORD_BP, fastaName = fastaPath): Promise<{ resolved: ResolvedRegions; problems: AppError[] }> {
  const notes: string[] = [];
  const index = await loadOrBuildFai(fastaPath, (note) => notes.push(note));
  const problems: AppError[] = [];
  const regions: Region[] = [];
  const attempt = (resolve: () => Region): void => {
    try {
      regions.push(resolve());
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push(e);
    }
  };
  const typedOrigin = list.typedOrigin ?? ((text: string) => `--region ${text}`);
  for (const text of list.strings ?? []) attempt(() => ({ ...parseRegion(text, index), origin: typedOrigin(text) }));
  if (list.bed) for (const b of list.bed.intervals) attempt(() => bedToRegions([b], index, list.bed!.fileName)[0]);
  // With regions refused above, "no regions" would be beside the point; the rest still applies.
  if (problems.length === 0 || regions.length > 0) problems.push(...regionSetProblems(fastaName, list, regions, maxBp));
  return { resolved: { fastaPath, notes, regions, entries: new Map(index.map((e) => [e.name, e])) }, problems };
}

/**
 * What makes a set of regions unexplainable as one run, as `plrp explain` and `plrp runs start`
 * (and New run) say it: no regions, a region too long for one piece, a name given twice (results,
 * tracks and exports are looked up by name), a region given twice in other words.
 */
export function regionSetProblems(fastaName: string, list: RegionList, regions: readonly Region[], maxBp = MAX_RECORD_BP): AppError[] {
  if (regions.length === 0) {
    const why = list.bed ? `${list.bed.fileName} lists none` : 'none were given';
    return [new AppError('BAD_BED', `no regions to explain in ${fastaName}: ${why}`)];
  }
  const problems: AppError[] = [];
  const first = new Map<string, Region>();
  const firstAt = new Map<string, Region>();
  for (const r of regions) {
    const lengthBp = r.end - r.start;
    if (lengthBp > maxBp) {
      problems.push(new AppError('RESOURCE_LIMIT', `${r.origin ?? r.name}: region '${r.name}' (${locus(r)}) is ${lengthBp.toLocaleString('en-US')} bp; `
        + `regions of up to ${maxBp.toLocaleString('en-US')} bp are explained in one piece. Cut it into smaller regions (several BED lines of at most ${maxBp.toLocaleString('en-US')} bp)`));
    }
    const earlier = first.get(r.name);
    if (earlier === undefined) first.set(r.name, r);
    else problems.push(new AppError('BAD_BED', `${r.origin ?? r.name}: region name "${r.name}" is given twice (also ${earlier.origin ?? earlier.name}); results are looked up by name: ${duplicateHint(earlier, r)}`));
    const place = locus(r);
    const there = firstAt.get(place);
    if (there === undefined) firstAt.set(place, r);
    else if (there.name !== r.name && !(there.fromBed && r.fromBed)) problems.push(samePlaceTwice(there, r));
  }
  return problems;
}

/**
 * `chr1:1,001-2,000` and `chr1:1001-2000` (or a typed region and a BED line at the same place)
 * would be explained twice under two names, which is never what was meant. Two BED lines named
 * apart at one place are left alone: peak files list the peaks of several factors that way.
 */
function samePlaceTwice(earlier: Region, r: Region): AppError {
  return new AppError('BAD_BED', `${regionWithOrigin(r, false)} is the same place as ${regionWithOrigin(earlier, true)} (${locus(r)}): `
    + 'each region is one sequence of the run; give it once');
}

/**
 * A region named once with where it was given: a typed region's origin already holds its text
 * ("typed region chr1:1,001-1,400", "--region chr1"); a BED line's is file:line, before the
 * region (`after` false) or after it.
 */
function regionWithOrigin(r: Region, after: boolean): string {
  if (!r.origin) return `region ${r.name}`;
  if (r.origin.endsWith(r.name)) return after && r.origin.startsWith('typed ') ? `the ${r.origin}` : r.origin;
  return after ? `region ${r.name} (${r.origin})` : `${r.origin}: region ${r.name}`;
}

/** How to tell two regions of the same name apart, for how they were given. */
function duplicateHint(a: Region, b: Region): string {
  if (a.chrom === b.chrom && a.start === b.start && a.end === b.end) return 'the same region is given twice; give it once';
  if (a.fromBed && b.fromBed) return 'give every region its own name in the BED file\'s 4th column, or leave that column out to name them chr:start-end';
  return 'give each region its own name (a BED file\'s 4th column names its regions; a typed region is named as typed)';
}

/** The bases of each resolved region, one region in memory at a time. */
export async function* regionSequences(resolved: Omit<ResolvedRegions, 'notes'>): AsyncGenerator<RegionSequence> {
  for (const r of resolved.regions) yield { ...r, sequence: await fetchRegion(resolved.fastaPath, resolved.entries.get(r.chrom)!, r) };
}

/** Resolves region strings and BED intervals to sequences using (and if needed building) the .fai. */
export async function readRegions(fastaPath: string, list: RegionList): Promise<RegionSequence[]> {
  const out: RegionSequence[] = [];
  for await (const r of regionSequences(await resolveRegions(fastaPath, list))) out.push(r);
  return out;
}
