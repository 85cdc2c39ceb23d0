// Brings a FASTA file — or regions cut out of an indexed one — into the cache: one streaming pass
// computes the input checksum (the cache key part that identifies the sequence set); if that set
// is not stored yet, a second pass stores the sequences in batches. Runs then read sequences from
// the cache, so a resumed run does not need the FASTA file any more (it computes the very regions
// it started with), and memory stays bounded by one batch.
import { readFasta } from '../engine/genomics/fasta';
import { locus, regionSequences, type ResolvedRegions } from '../engine/genomics/region';
import { AppError } from '../shared/errors';
import { loadOrBuildFai } from '../engine/genomics/fai';
import { MAX_RECORD_BP, recordTooLong } from '../engine/genomics/record-limit';
import { InputHasher } from './cache/cache-key';
import type { GenomePlace } from '../shared/run-api';
import type { StoredSequence } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';

const STORE_BATCH = 1000;

/**
 * The input checksum a run of this FASTA records (RunSummary.inputSha256), without storing
 * anything: lets a host recognise a FASTA whose runs are already in the cache.
 */
export async function fastaInputSha256(path: string): Promise<string> {
  const hasher = new InputHasher();
  for await (const rec of readFasta(path)) hasher.add(rec.name, rec.sequence);
  return hasher.digest();
}

/** A stored region of a region run: its name and where its letters were cut from. */
export interface StoredRegionPlace {
  name: string;
  lengthBp: number;
  place: GenomePlace;
}

/**
 * The input checksum of a region run's regions as the FASTA holds them now (compare with
 * RunSummary.inputSha256): the same places, cut again, hashed as ingestRegions hashed them.
 */
export async function regionsInputSha256(fastaPath: string, stored: readonly StoredRegionPlace[]): Promise<string> {
  const index = await loadOrBuildFai(fastaPath);
  const entries = new Map(index.map((e) => [e.name, e]));
  const regions = stored.map((s) => {
    const entry = entries.get(s.place.chrom);
    if (!entry) throw new AppError('BAD_FASTA', `${fastaPath} has no sequence "${s.place.chrom}" (region ${s.name})`);
    const end = s.place.startBp + s.lengthBp;
    if (end > entry.lengthBp) throw new AppError('BAD_FASTA', `${fastaPath}: "${s.place.chrom}" is ${entry.lengthBp} bp, shorter than region ${s.name} needs (${end})`);
    return { chrom: s.place.chrom, start: s.place.startBp, end, name: s.name };
  });
  const hasher = new InputHasher();
  for await (const r of regionSequences({ fastaPath, regions, entries })) hasher.add(r.name, r.sequence, { chrom: r.chrom, startBp: r.start });
  return hasher.digest();
}

/** One record on its way into the cache, with where it came from for messages. */
interface IngestRecord {
  name: string;
  sequence: string;
  where: string;
  place?: GenomePlace;
}

interface IngestSource {
  /** Read twice: once for the checksum, once to store (only when the set is not cached yet). */
  records: () => AsyncIterable<IngestRecord>;
  /** Said when the source has no records. */
  empty: string;
  /** Appended to the duplicate-name message: how to name records apart. */
  duplicateHint: string;
}

export async function ingestFasta(cache: RunCache, path: string, displayName: string, maxRecordBp = MAX_RECORD_BP): Promise<{ sha256: string; count: number }> {
  return ingest(cache, displayName, maxRecordBp, {
    records: async function* () {
      for await (const rec of readFasta(path)) yield { name: rec.name, sequence: rec.sequence, where: `${path}, line ${rec.headerLine}` };
    },
    empty: `${path}: no sequences`,
    duplicateHint: '',
  });
}

/** Regions of an indexed FASTA (engine/genomics/region.ts), each named as `plrp explain` names it and stored with its place. */
export async function ingestRegions(cache: RunCache, regions: ResolvedRegions, displayName: string, maxRecordBp = MAX_RECORD_BP): Promise<{ sha256: string; count: number }> {
  return ingest(cache, displayName, maxRecordBp, {
    records: async function* () {
      for await (const r of regionSequences(regions)) {
        yield { name: r.name, sequence: r.sequence, where: `${regions.fastaPath}, region ${locus(r)}`, place: { chrom: r.chrom, startBp: r.start } };
      }
    },
    // resolveRegions refused an empty set and repeated names already, saying how they were given
    // (engine/genomics/region.ts regionSetProblems); these are the last line of defence.
    empty: `no regions to explain in ${regions.fastaPath}`,
    duplicateHint: '; give each region its own name',
  });
}

async function ingest(cache: RunCache, displayName: string, maxRecordBp: number, source: IngestSource): Promise<{ sha256: string; count: number }> {
  const hasher = new InputHasher();
  const names = new Set<string>();
  for await (const rec of source.records()) {
    // Checked in this first pass, before anything is stored.
    const tooLong = recordTooLong(rec.name, rec.sequence.length, rec.where, maxRecordBp);
    if (tooLong) throw new AppError('RESOURCE_LIMIT', tooLong);
    // Results, tracks and BED exports are addressed by name: duplicates would make them ambiguous.
    if (names.has(rec.name)) {
      throw new AppError('BAD_FASTA', `${rec.where}: duplicate sequence name "${rec.name}" (results are looked up by name)${source.duplicateHint}`);
    }
    names.add(rec.name);
    hasher.add(rec.name, rec.sequence, rec.place);
  }
  if (hasher.count === 0) throw new AppError('BAD_FASTA', source.empty);
  const sha256 = hasher.digest();
  if (cache.hasCompleteInput(sha256)) return { sha256, count: cache.inputCount(sha256) };
  cache.beginInput(sha256, displayName);
  let batch: StoredSequence[] = [];
  let count = 0;
  for await (const rec of source.records()) {
    batch.push({ idx: count++, name: rec.name, lengthBp: rec.sequence.length, letters: rec.sequence, place: rec.place });
    if (batch.length >= STORE_BATCH) {
      cache.addSequences(sha256, batch);
      batch = [];
    }
  }
  cache.addSequences(sha256, batch);
  cache.completeInput(sha256, count);
  return { sha256, count };
}
