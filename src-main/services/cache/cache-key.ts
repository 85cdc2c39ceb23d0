// Cache keys (issue 5): one per explanation, so a run that overlaps a cached one computes only what
// is missing. key = sha256(model bytes' sha256, canonical explanation options, input checksum,
// engine version, target). The target is part of the key because the same config started from a
// different output is a different explanation.
import { createHash } from 'node:crypto';
import { canonicalConfig, type ExplainConfig } from '../../shared/explain-config';

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

/** Checksum of a sequence set: names and (upper-cased) letters, in file order. */
export class InputHasher {
  private readonly h = createHash('sha256');
  private n = 0;

  add(name: string, sequence: string): void {
    this.h.update(name).update('\n').update(sequence).update('\n');
    this.n++;
  }

  get count(): number {
    return this.n;
  }

  digest(): string {
    return this.h.digest('hex');
  }
}
