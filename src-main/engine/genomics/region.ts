// Region requests on large FASTA files: `chr1:1000-2000` (samtools syntax: 1-based inclusive,
// commas allowed, `chr1` alone = whole sequence) or BED intervals (0-based half-open), fetched by
// random access through the .fai index. Internally every region is 0-based half-open.
import { open } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { readBed, type BedInterval } from './bed-reader';
import { loadOrBuildFai, type FaiEntry } from './fai';
import { CLASS_INVALID, NUCLEOTIDE_CLASS } from './nucleotides';

export interface Region {
  chrom: string;
  start: number;
  end: number;
  /** Display name, e.g. `chr1:1000-2000` (1-based, as typed) or the BED name column. */
  name: string;
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
    throw new AppError('USAGE', `${what}: extends past the end of '${entry.name}' (length ${entry.lengthBp} bp)`);
  }
  return r;
}

export function bedToRegions(intervals: readonly BedInterval[], index: readonly FaiEntry[], fileName: string): Region[] {
  return intervals.map((b) => {
    const entry = index.find((e) => e.name === b.chrom);
    const where = `${fileName}:${b.line}`;
    if (!entry) throw new AppError('BAD_BED', `${where}: no sequence named '${b.chrom}' in the FASTA`);
    return checkBounds({ chrom: b.chrom, start: b.start, end: b.end, name: b.name ?? locus(b) }, entry, where);
  });
}

/** Reads the bases of `region` (upper-cased) by byte offset arithmetic on the indexed FASTA. */
export async function fetchRegion(fastaPath: string, entry: FaiEntry, region: Region): Promise<string> {
  if (region.end <= region.start) return '';
  const byteOf = (bp: number): number => entry.offset + Math.floor(bp / entry.lineBases) * entry.lineBytes + (bp % entry.lineBases);
  const from = byteOf(region.start);
  const to = byteOf(region.end - 1) + 1;
  const buf = Buffer.alloc(to - from);
  const handle = await open(fastaPath, 'r');
  try {
    await handle.read(buf, 0, buf.length, from);
  } finally {
    await handle.close();
  }
  const out = Buffer.alloc(region.end - region.start);
  let n = 0;
  for (const b of buf) {
    if (b === 0x0a || b === 0x0d) continue;
    if (NUCLEOTIDE_CLASS[b] === CLASS_INVALID) {
      throw new AppError('BAD_FASTA', `${fastaPath}: unexpected byte 0x${b.toString(16)} in '${entry.name}' within ${region.name}; the .fai index may be stale (delete it to rebuild)`);
    }
    out[n++] = b & 0xdf;
  }
  if (n !== out.length) throw new AppError('BAD_FASTA', `${fastaPath}: region ${region.name} read ${n} bases instead of ${out.length}; the .fai index may be stale`);
  return out.toString('latin1');
}

/** What to cut out of an indexed FASTA: `chr:start-end` strings and/or BED intervals, in that order. */
export interface RegionList {
  strings?: readonly string[];
  bed?: { intervals: readonly BedInterval[]; fileName: string };
}

/** `--region` strings and a `--regions` BED file, as `plrp explain` and `plrp runs start` take them. */
export async function regionListFrom(strings: readonly string[], bedPath: string | null | undefined): Promise<RegionList> {
  return { strings, bed: bedPath ? { intervals: await readBed(bedPath), fileName: bedPath } : undefined };
}

/** Regions checked against the .fai (built if missing), before any base is read. */
export interface ResolvedRegions {
  fastaPath: string;
  regions: Region[];
  entries: ReadonlyMap<string, FaiEntry>;
}

/** Resolves region strings and BED intervals against the FASTA's index (building it if needed). */
export async function resolveRegions(fastaPath: string, list: RegionList): Promise<ResolvedRegions> {
  const index = await loadOrBuildFai(fastaPath);
  const regions = [
    ...(list.strings ?? []).map((s) => parseRegion(s, index)),
    ...(list.bed ? bedToRegions(list.bed.intervals, index, list.bed.fileName) : []),
  ];
  return { fastaPath, regions, entries: new Map(index.map((e) => [e.name, e])) };
}

/** The bases of each resolved region, one region in memory at a time. */
export async function* regionSequences(resolved: ResolvedRegions): AsyncGenerator<RegionSequence> {
  for (const r of resolved.regions) yield { ...r, sequence: await fetchRegion(resolved.fastaPath, resolved.entries.get(r.chrom)!, r) };
}

/** Resolves region strings and BED intervals to sequences using (and if needed building) the .fai. */
export async function readRegions(fastaPath: string, list: RegionList): Promise<RegionSequence[]> {
  const out: RegionSequence[] = [];
  for await (const r of regionSequences(await resolveRegions(fastaPath, list))) out.push(r);
  return out;
}
