// Brings a FASTA file into the cache: one streaming pass computes the input checksum (the cache key
// part that identifies the sequence set); if that set is not stored yet, a second pass stores the
// sequences in batches. Runs then read sequences from the cache, so a resumed run does not need
// the FASTA file any more, and memory stays bounded by one batch.
import { readFasta } from '../engine/genomics/fasta';
import { AppError } from '../shared/errors';
import { MAX_RECORD_BP, recordTooLong } from '../engine/genomics/record-limit';
import { InputHasher } from './cache/cache-key';
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

export async function ingestFasta(cache: RunCache, path: string, displayName: string, maxRecordBp = MAX_RECORD_BP): Promise<{ sha256: string; count: number }> {
  const hasher = new InputHasher();
  const names = new Set<string>();
  for await (const rec of readFasta(path)) {
    // Checked in this first pass, before anything is stored.
    const tooLong = recordTooLong(rec.name, rec.sequence.length, `${path}, line ${rec.headerLine}`, maxRecordBp);
    if (tooLong) throw new AppError('RESOURCE_LIMIT', tooLong);
    // Results, tracks and BED exports are addressed by name: duplicates would make them ambiguous.
    if (names.has(rec.name)) {
      throw new AppError('BAD_FASTA', `${path}, line ${rec.headerLine}: duplicate sequence name "${rec.name}" (results are looked up by name)`);
    }
    names.add(rec.name);
    hasher.add(rec.name, rec.sequence);
  }
  if (hasher.count === 0) throw new AppError('BAD_FASTA', `${path}: no sequences`);
  const sha256 = hasher.digest();
  if (cache.hasCompleteInput(sha256)) return { sha256, count: cache.inputCount(sha256) };
  cache.beginInput(sha256, displayName);
  let batch: StoredSequence[] = [];
  let count = 0;
  for await (const rec of readFasta(path)) {
    batch.push({ idx: count++, name: rec.name, lengthBp: rec.sequence.length, letters: rec.sequence });
    if (batch.length >= STORE_BATCH) {
      cache.addSequences(sha256, batch);
      batch = [];
    }
  }
  cache.addSequences(sha256, batch);
  cache.completeInput(sha256, count);
  return { sha256, count };
}
