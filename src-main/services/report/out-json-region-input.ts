// A region out.json's regions resolved against its FASTA's .fai index (built next to the FASTA
// when missing, as `plrp explain --regions` and `plrp runs start --regions` do): what `plrp runs
// import` stores as a region run and what `plrp report --from` reads the letters of.
import { loadOrBuildFai } from '../../engine/genomics/fai';
import { locus, type ResolvedRegions } from '../../engine/genomics/region';
import type { OutJson } from '../../engine/report/out-json';
import { areOwnRecords, outJsonRegions, type OutJsonRegions } from '../../engine/report/out-json-regions';
import { AppError } from '../../shared/errors';

export interface OutJsonRegionInput {
  found: OutJsonRegions;
  resolved: ResolvedRegions;
}

/**
 * The document's regions on `fastaPath`, or null for a document of the FASTA's records. A
 * document that records regions must find each of them within the FASTA; one that does not (an
 * older explain's) counts as a region document only when its loci all lie on the FASTA's
 * sequences and its sequences are not the FASTA's own records.
 */
export async function outJsonRegionInput(doc: OutJson, fastaPath: string, source: string): Promise<OutJsonRegionInput | null> {
  const found = outJsonRegions(doc, source);
  if (!found) return null;
  let index;
  const notes: string[] = [];
  try {
    index = await loadOrBuildFai(fastaPath, (note) => notes.push(note));
  } catch (e) {
    // A FASTA that cannot be indexed holds records, not the genome of a region document.
    if (found.recorded) throw e;
    return null;
  }
  const lengths = new Map(index.map((e) => [e.name, e.lengthBp]));
  const outside = found.regions.find((r) => (lengths.get(r.chrom) ?? -1) < r.end);
  if (outside) {
    if (!found.recorded) return null;
    throw new AppError('USAGE', `${source}: region ${outside.name} (${locus(outside)}) is not within ${fastaPath}; pass the FASTA the regions were cut from with --fasta`);
  }
  if (!found.recorded && areOwnRecords(doc, lengths)) return null;
  return { found, resolved: { fastaPath, notes, regions: found.regions, entries: new Map(index.map((e) => [e.name, e])) } };
}
