// The regions of a region out.json (`plrp explain --region/--regions`): where each sequence was cut
// from, read back from its description, which explain writes as the region's locus
// ("chr2:2001-2200", 1-based inclusive). A report reads the letters there, an import stores the
// run as a region run, and figures label their axes with genome positions.
import { AppError } from '../../shared/errors';
import type { Region } from '../genomics/region';
import type { OutJson } from './out-json';

/** What a region document says of its regions: as asked for, and where each sequence lies. */
export interface OutJsonRegions {
  /** `--region` strings (for a document that does not record them: the loci of its sequences). */
  strings: string[];
  /** The `--regions` BED file's path, or null. */
  bed: string | null;
  /** One per sequence, in order, named as the sequence (0-based half-open). */
  regions: Region[];
  /** True when the document records its regions; false when they were read from its loci alone. */
  recorded: boolean;
}

/** `chr2:2001-2200` → chr2, 0-based start 2000, end 2200; null when the text is no locus. */
export function parseLocus(text: string): { chrom: string; start: number; end: number } | null {
  const m = /^(.+):(\d+)-(\d+)$/.exec(text);
  if (!m) return null;
  const start = Number(m[2]) - 1;
  const end = Number(m[3]);
  return start >= 0 && end > start ? { chrom: m[1], start, end } : null;
}

/** Each sequence's region, when every description is the locus of a region of the sequence's length; else null. */
function lociOf(doc: OutJson): Region[] | null {
  const regions: Region[] = [];
  for (const s of doc.sequences) {
    const locus = parseLocus(s.description);
    if (!locus || locus.end - locus.start !== s.length) return null;
    regions.push({ ...locus, name: s.name });
  }
  return regions.length > 0 ? regions : null;
}

/**
 * The document's regions: recorded ones (a document of this version), or — for a document
 * written before explain recorded them — its sequences' loci, when every description is one.
 * Whether such loci are regions of the FASTA, rather than descriptions of its own records, only
 * the FASTA can tell (see areOwnRecords). A document that records regions but whose
 * descriptions are not their loci is refused: its sequences cannot be placed.
 */
export function outJsonRegions(doc: OutJson, source: string): OutJsonRegions | null {
  const regions = lociOf(doc);
  if (doc.regions) {
    if (!regions) throw new AppError('BAD_CONFIG', `${source}: records regions, but not every sequence's description is its locus (chr:start-end), so they cannot be placed on the genome`);
    return { strings: doc.regions.strings, bed: doc.regions.bed, regions, recorded: true };
  }
  return regions ? { strings: regions.map((r) => `${r.chrom}:${r.start + 1}-${r.end}`), bed: null, regions, recorded: false } : null;
}

/**
 * True when the document's sequences are simply the FASTA's own records (the same names and
 * lengths, in order; `index`: name → length): loci in their descriptions then describe records.
 */
export function areOwnRecords(doc: OutJson, index: ReadonlyMap<string, number>): boolean {
  const names = [...index.keys()];
  return names.length === doc.sequences.length && doc.sequences.every((s, i) => names[i] === s.name && index.get(s.name) === s.length);
}
