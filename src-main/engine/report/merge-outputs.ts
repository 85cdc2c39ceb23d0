// Merges the out.json files of FASTA shards (workflow/Snakefile) into the out.json one process
// would have written for the whole FASTA: sequences concatenated in shard order, run-level parts
// recomputed over the union — the metric summary here, and seqlets and motif ranking through the
// caller's `annotate`, because seqlet nulls and motif q-values depend on every sequence, so shard
// footers cannot simply be concatenated. Shards of a region run (`plrp explain --region/--regions`,
// each shard some of the regions) merge into a region run: their regions joined in shard order,
// each sequence still placed by its locus, so the merge is what one process over all the regions
// would have written.
import { AppError } from '../../shared/errors';
import { canonicalConfig } from '../../shared/explain-config';
import type { SequenceMetrics } from '../metrics/compute-metrics';
import { summarizeMetrics } from '../metrics/summarize-metrics';
import type { OutJson } from './out-json';
import { assertRegionsOfOneRun, assertShardsExplainBed, shardRegions } from './shard-regions';

export interface MergeOptions {
  /** The FASTA the shards were cut from: the merged run's input. */
  fasta?: string;
  /**
   * Recomputes the annotation footer (seqlets, motif hits and ranking) over the merged document.
   * `motifsFile` is the file the shards scanned (null when they scanned none): the shards' own
   * motif footers are dropped from `merged`, so it is passed on here.
   */
  annotate?: (merged: OutJson, motifsFile: string | null) => Promise<Record<string, unknown>>;
  /**
   * Shards of a region run: the regions BED of the whole run (each shard named its own part).
   * Without it, the BED the shards name, when they name one.
   */
  regionsBed?: string;
}

type OutRegions = NonNullable<OutJson['regions']>;

/** A region run's shards' regions as one run's: typed regions in shard order, one BED for all. */
function mergedRegions(docs: readonly { doc: OutJson; label: string }[], regionsBed: string | undefined): OutRegions | undefined {
  const first = docs[0].doc.regions;
  if (!first) {
    if (regionsBed !== undefined) throw new AppError('USAGE', `a regions BED (${regionsBed}) is for shards of a region run (plrp explain --region/--regions); ${docs[0].label} explains FASTA records`);
    return undefined;
  }
  const all = docs.map((d) => d.doc.regions!);
  const strings = all.flatMap((r) => r.strings);
  if (regionsBed !== undefined) return { ...first, strings, bed: regionsBed };
  const beds = [...new Set(all.map((r) => r.bed).filter((b): b is string => b !== null))];
  if (beds.length > 1) {
    throw new AppError('USAGE', `the shards explain the regions of different BED files (${beds.join(', ')}): pass the regions BED of the whole run (with plrp runs import: --regions R.bed)`);
  }
  return { ...first, strings, bed: beds[0] ?? null };
}

/** Throws a USAGE error naming the first field where two shards disagree. */
function assertCompatible(first: OutJson, other: OutJson, label: string): void {
  const same = (what: string, a: unknown, b: unknown): void => {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new AppError('USAGE', `${label}: ${what} differs from the first file (${JSON.stringify(b)} vs ${JSON.stringify(a)}); only shards of one run can be merged`);
    }
  };
  if ((first.regions === undefined) !== (other.regions === undefined)) {
    const what = (d: OutJson): string => (d.regions ? 'regions of a genome (plrp explain --region/--regions)' : 'the records of a FASTA');
    throw new AppError('USAGE', `${label}: explains ${what(other)}, the first file ${what(first)}; only shards of one run can be merged`);
  }
  same('model checksum', first.model.sha256, other.model.sha256);
  same('engine version', first.engine.version, other.engine.version);
  same('explanations', first.explanations.map((e) => canonicalConfig(e.config)), other.explanations.map((e) => canonicalConfig(e.config)));
  same('metrics', first.metrics, other.metrics);
  same('ground truth', first.ground_truth, other.ground_truth);
  same('motif file', first.motifs?.file ?? null, other.motifs?.file ?? null);
}

export async function mergeOutputs(docs: readonly { doc: OutJson; label: string }[], options: MergeOptions = {}): Promise<OutJson> {
  if (docs.length === 0) throw new AppError('USAGE', 'nothing to merge: give at least one out.json');
  const first = docs[0].doc;
  for (const d of docs.slice(1)) assertCompatible(first, d.doc, d.label);
  const sequences = docs.flatMap((d) => d.doc.sequences);
  const names = new Set<string>();
  for (const s of sequences) {
    if (names.has(s.name)) throw new AppError('USAGE', `sequence "${s.name}" appears in more than one shard; shards must not overlap`);
    names.add(s.name);
  }
  // Run-level parts are dropped and recomputed; everything else of the header is the first shard's.
  const { summary: _s, seqlets: _q, motifs: _m, sequences: _x, ...header } = first;
  const regions = mergedRegions(docs, options.regionsBed);
  if (regions) {
    const placed = shardRegions(docs);
    assertRegionsOfOneRun(options.fasta ?? first.fasta, placed);
    if (options.regionsBed !== undefined) await assertShardsExplainBed(options.regionsBed, placed);
  }
  const merged: OutJson = { ...header, fasta: options.fasta ?? first.fasta, ...(regions ? { regions } : {}), sequences };
  if (first.metrics.length > 0) {
    const ids = first.explanations.map((e) => e.id);
    merged.summary = {
      metrics: Object.fromEntries(ids.map((id) => [id, summarizeMetrics(sequences.map((s) => (s.metrics?.[id] ?? {}) as SequenceMetrics)) as Record<string, unknown>])),
    };
  }
  if (options.annotate) Object.assign(merged, await options.annotate(merged, first.motifs?.file ?? null));
  return merged;
}
