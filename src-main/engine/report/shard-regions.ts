// The regions of a region run's shards, checked as one run's before they are merged: no region
// given twice in other words across shards (`chr1:1,000-1,199` in one, `chr1:1000-1199` or a BED
// line at that place in another), and — with the whole run's regions BED — exactly its regions.
import { AppError } from '../../shared/errors';
import { readBed } from '../genomics/bed-reader';
import { bedRegionName, locus, regionSetProblems, type Region } from '../genomics/region';
import type { OutJson } from './out-json';
import { outJsonRegions } from './out-json-regions';

/** Each shard's regions in order, saying which shard gave them and how (typed regions come first in a shard). */
export function shardRegions(docs: readonly { doc: OutJson; label: string }[]): Region[] {
  return docs.flatMap(({ doc, label }) => {
    const found = outJsonRegions(doc, label);
    if (!found?.recorded) return [];
    const typed = found.strings.length;
    return found.regions.map((r, i) => (i < typed
      ? { ...r, origin: `${label} (--region ${r.name})` }
      : { ...r, origin: `${label} (${found.bed ?? 'its regions BED'})`, fromBed: true }));
  });
}

/** Throws the first way the shards' regions are not one run's (the checks `plrp explain` makes of one). */
export function assertRegionsOfOneRun(fastaName: string, regions: readonly Region[]): void {
  if (regions.length === 0) return;
  const problems = regionSetProblems(fastaName, {}, regions, Number.POSITIVE_INFINITY);
  if (problems.length > 0) throw problems[0];
}

const some = (names: readonly string[]): string => names.slice(0, 5).join(', ') + (names.length > 5 ? `, … (${names.length} in all)` : '');

/**
 * Refuses a regions BED whose regions (names and places) are not exactly the ones the shards
 * explained from a BED: the merged run would record a BED that does not describe it.
 */
export async function assertShardsExplainBed(bedPath: string, regions: readonly Region[]): Promise<void> {
  const fromBed = regions.filter((r) => r.fromBed);
  // Named as the shards' runs named them (a name's spaces are `_` there).
  const inBed = new Map((await readBed(bedPath)).map((b) => [bedRegionName(b.name) ?? locus(b), b]));
  const inShards = new Map(fromBed.map((r) => [r.name, r]));
  const missing = [...inBed.keys()].filter((n) => !inShards.has(n));
  const extra = [...inShards.keys()].filter((n) => !inBed.has(n));
  const moved = [...inShards.values()].filter((r) => {
    const b = inBed.get(r.name);
    return b !== undefined && (b.chrom !== r.chrom || b.start !== r.start || b.end !== r.end);
  });
  const why: string[] = [];
  if (missing.length > 0) why.push(`${missing.length} of its regions are in no shard (${some(missing)})`);
  if (extra.length > 0) why.push(`the shards explain ${extra.length} BED region${extra.length === 1 ? '' : 's'} it does not list (${some(extra)})`);
  for (const r of moved.slice(0, 5)) why.push(`${r.name} is ${locus(r)} in ${r.origin}, ${locus(inBed.get(r.name)!)} in the BED`);
  if (why.length > 0) {
    throw new AppError('USAGE', `the regions BED ${bedPath} is not the regions the shards explain: ${why.join('; ')}. Pass the BED of the whole run, the one its shards were cut from`);
  }
}
