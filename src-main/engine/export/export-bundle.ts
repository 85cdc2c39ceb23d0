// `plrp explain --export DIR`: every export of a run in one folder, from plain data —
// relevance-<method>.bedGraph (observed-base), relevance-<method>.npy ([N, L, 4]; one file per
// sequence under npy/ when lengths differ), hits.tsv (FIMO), hits.bed, hits-relevance.tsv,
// motif-ranking-<method>.tsv, seqlets-<method>.bed and manifest.json (written last, listing the
// rest). File names come from sanitised method ids / sequence names, never raw user text.
// Where regions overlap: the bedGraph averages them per base, hits.bed lists a hit they share
// once, and the hit tables and seqlets BED keep each region's lines, naming the region.
import { join, relative, resolve } from 'node:path';
import type { MotifHit } from '../motifs/hit';
import { rankMotifsByRelevance, weightHitsByRelevance, type SequenceRelevance } from '../motifs/hit-relevance';
import type { Seqlet } from '../seqlets/seqlets';
import { writeFileAtomic } from './atomic-write';
import { writeHitsBed } from './bed';
import { writeBedGraph } from './bedgraph';
import type { ChromOrder } from './chrom-order';
import { writeFimoTsv } from './fimo-tsv';
import { genomeSpot, inGenome } from './genome-spot';
import { formatMotifRankingTsv, formatWeightedHitsTsv } from './hits-relevance-tsv';
import { buildManifest, writeManifest } from './manifest';
import { writeNpy } from './npy';
import { safeJoin, uniqueSafeNames } from './safe-name';
import { writeSeqletsBed } from './seqlets-bed';

export interface ExportSequence {
  name: string;
  /** Genome coordinates when the sequence is a region of a chromosome. */
  chrom?: string;
  offset?: number;
  lengthBp: number;
  /** 1 = padding (not a real base), left out of bedGraph tracks. */
  mask?: Uint8Array;
}

export interface ExportBundleInput {
  dir: string;
  sequences: readonly ExportSequence[];
  /** Per explanation id: per sequence [L, 4] relevance. */
  relevance: Readonly<Record<string, readonly Float32Array[]>>;
  /** Per explanation id: per sequence observed-base relevance [L]. */
  observed: Readonly<Record<string, readonly Float32Array[]>>;
  hits?: readonly MotifHit[];
  hitComments?: string[];
  seqlets?: Readonly<Record<string, readonly Seqlet[]>>;
  manifest: { engineVersion: string; inputs: ReadonlyArray<{ role: string; path: string }>; modelPath?: string; options: unknown };
}

/** Writes every export; returns the written paths (manifest last). */
export async function writeExportBundle(input: ExportBundleInput): Promise<string[]> {
  const { dir, sequences } = input;
  const ids = Object.keys(input.relevance);
  const fileIds = uniqueSafeNames(ids);
  const written: string[] = [];
  const spots = sequences.map((s) => genomeSpot(s.name, s.chrom, s.offset));
  const chroms = spots.map((s) => s.chrom);
  const offsets = spots.map((s) => s.offset);
  // Regions of a genome: chromosomes in byte order, as bedGraphToBigWig wants (./chrom-order).
  const chromOrder: ChromOrder = sequences.some((s) => s.chrom !== undefined) ? 'genome' : 'records';
  for (const [k, id] of ids.entries()) {
    const observed = input.observed[id] ?? [];
    const bedGraph = safeJoin(dir, `relevance-${fileIds[k]}`, '.bedGraph');
    await writeBedGraph(bedGraph, sequences.map((s, i) => ({ chrom: chroms[i], offset: offsets[i], values: observed[i], mask: s.mask })), `relevance ${id}`, `observed-base relevance, ${id}`, chromOrder);
    written.push(bedGraph);
    written.push(...(await writeRelevanceNpy(dir, fileIds[k], sequences, input.relevance[id])));
  }
  if (input.hits) {
    // Hits are found in sequence coordinates; a region's files give them on its chromosome, like
    // the bedGraph and seqlets, so they line up with the genome in IGV.
    const onGenome = <H extends MotifHit>(h: H): H => inGenome(h, spots[h.sequenceIndex]);
    // On the chromosome, overlapping regions' lines of one hit would look alike: the tables name
    // the region (its own relevance weights the hit), as they name a plain FASTA's record.
    const regionOf = (h: Pick<MotifHit, 'sequenceIndex'>): string => sequences[h.sequenceIndex]?.name ?? `seq${h.sequenceIndex}`;
    const hitsTsv = join(dir, 'hits.tsv');
    const hitsBed = join(dir, 'hits.bed');
    const genomeHits = input.hits.map(onGenome);
    await writeFimoTsv(hitsTsv, genomeHits, input.hitComments ?? [], regionOf);
    await writeHitsBed(hitsBed, genomeHits, chromOrder);
    written.push(hitsTsv, hitsBed);
    if (ids.length > 0) {
      const perSequence: SequenceRelevance[] = sequences.map((_, i) => Object.fromEntries(ids.map((id) => [id, input.observed[id]?.[i] ?? new Float32Array(0)])));
      const weighted = join(dir, 'hits-relevance.tsv');
      await writeFileAtomic(weighted, formatWeightedHitsTsv(weightHitsByRelevance(input.hits, perSequence).map(onGenome), ids, regionOf));
      written.push(weighted);
      for (const [k, id] of ids.entries()) {
        const ranking = rankMotifsByRelevance(input.hits, perSequence, id);
        const file = safeJoin(dir, `motif-ranking-${fileIds[k]}`, '.tsv');
        await writeFileAtomic(file, formatMotifRankingTsv(ranking.overall));
        written.push(file);
      }
    }
  }
  for (const [k, id] of ids.entries()) {
    const seqlets = input.seqlets?.[id];
    if (!seqlets) continue;
    const file = safeJoin(dir, `seqlets-${fileIds[k]}`, '.bed');
    await writeSeqletsBed(file, seqlets, { chroms, offsets, regionNames: chromOrder === 'genome' ? sequences.map((s) => s.name) : undefined }, chromOrder, id);
    written.push(file);
  }
  const manifestPath = join(dir, 'manifest.json');
  const manifest = await buildManifest({ ...input.manifest, outputs: written.map((p) => relative(resolve(dir), p)) });
  await writeManifest(manifestPath, manifest);
  return [...written, manifestPath];
}

async function writeRelevanceNpy(dir: string, fileId: string, sequences: readonly ExportSequence[], maps: readonly Float32Array[]): Promise<string[]> {
  const lengths = new Set(sequences.map((s) => s.lengthBp));
  if (lengths.size <= 1) {
    const l = sequences[0]?.lengthBp ?? 0;
    const data = new Float32Array(sequences.length * l * 4);
    maps.forEach((m, i) => data.set(m, i * l * 4));
    const path = safeJoin(dir, `relevance-${fileId}`, '.npy');
    await writeNpy(path, data, [sequences.length, l, 4]);
    return [path];
  }
  const names = uniqueSafeNames(sequences.map((s) => s.name));
  const out: string[] = [];
  for (const [i, s] of sequences.entries()) {
    const path = safeJoin(join(dir, 'npy'), `${names[i]}.${fileId}`, '.npy');
    await writeNpy(path, maps[i], [1, s.lengthBp, 4]);
    out.push(path);
  }
  return out;
}
