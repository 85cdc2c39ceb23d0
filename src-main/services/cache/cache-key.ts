// Cache keys (issue 5): one per explanation, so a run that overlaps a cached one computes only what
// is missing. key = sha256(model bytes' sha256, canonical explanation options, input checksum,
// engine version, target). The target is part of the key because the same config started from a
// different output is a different explanation.
import { createHash } from 'node:crypto';
import { canonicalConfig, type ExplainConfig } from '../../shared/explain-config';
import type { GenomePlace } from '../../shared/run-api';

export function explanationKey(parts: {
  modelSha256: string;
  config: ExplainConfig;
  inputSha256: string;
  engineVersion: string;
  target: number | 'predicted';
}): string {
  const h = createHash('sha256');
  for (const field of [parts.modelSha256, canonicalConfig(parts.config), parts.inputSha256, parts.engineVersion, String(parts.target)]) {
    h.update(field).update('\0');
  }
  return h.digest('hex');
}

/**
 * Checksum of a sequence set: names and (upper-cased) letters, in file order. A region's place on
 * its chromosome counts too: its exports are in genome coordinates, so a region set is a different
 * input from the FASTA's records (even `--region chr1`, the whole record) and from regions elsewhere
 * with the same letters. Records without a place hash as they always did, keeping cached inputs'
 * checksums. Names and letters hold no NUL, so a place cannot be mistaken for either.
 */
export class InputHasher {
  private readonly h = createHash('sha256');
  private n = 0;

  add(name: string, sequence: string, place?: GenomePlace): void {
    this.h.update(name).update('\n').update(sequence).update('\n');
    if (place) this.h.update(`\0${place.chrom}\0${place.startBp}\n`);
    this.n++;
  }

  get count(): number {
    return this.n;
  }

  digest(): string {
    return this.h.digest('hex');
  }
}
