// The identity of an out.json's content, for `plrp runs import`: importing the same content again
// (the same file twice, the merged.json of shards that were imported directly, a copy elsewhere)
// must find the run it made, as a repeated run returns from the cache. Where the files were (the
// FASTA and model paths) is left out: the run cache knows inputs and models by their checksums.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/explain-config';
import type { OutJson } from './out-json';

/** SHA-256 of the document's content with sorted keys, so a re-serialised copy hashes equally. */
export function outJsonDigest(doc: OutJson): string {
  const { sequences, fasta: _fasta, model, regions, ...rest } = doc;
  const { path: _path, ...modelContent } = model;
  // A region document's BED is a place too; the regions it gave are in the sequences' loci.
  const regionContent = regions ? { regions: { strings: regions.strings } } : {};
  const h = createHash('sha256').update(canonicalJson({ ...rest, ...regionContent, model: modelContent }));
  // One sequence at a time: a whole run's document as one string can be gigabytes. Relevance rows
  // are arrays of numbers, whose JSON is canonical already (and canonicalJson on them is slow).
  for (const { relevance, ...s } of sequences) {
    h.update('\n').update(canonicalJson(s));
    for (const id of Object.keys(relevance).sort()) h.update('\n').update(id).update(JSON.stringify(relevance[id]));
  }
  return h.digest('hex');
}
