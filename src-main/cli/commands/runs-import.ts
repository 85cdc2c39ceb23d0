// `plrp runs import OUT.json…`: one out.json, or the shards of a workflow run merged in the given
// order, into the run cache (and/or written as one merged out.json with --write-merged). The merge
// recomputes seqlets, motif hits and motif ranking over all sequences, as one process would have.
// Importing content the cache already holds names the earlier run instead of storing it again.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readFastaAll } from '../../engine/genomics/fasta';
import { encodeOneHot } from '../../engine/genomics/one-hot';
import { observedBaseRelevance } from '../../engine/genomics/observed-base';
import { analyzeRelevance } from '../../engine/motifs/relevance-analysis';
import { readMotifFile } from '../../engine/motifs/read-motifs';
import { mergeOutputs } from '../../engine/report/merge-outputs';
import { flatRelevance, readOutJson, type OutJson } from '../../engine/report/out-json';
import { importOutJson } from '../../services/report/import-out-json';
import { outJsonRegionInput } from '../../services/report/out-json-region-input';
import { regionSequences } from '../../engine/genomics/region';
import { LocalRunService } from '../../services/run-service';
import { AppError } from '../../shared/errors';
import type { RunSummary } from '../../shared/run-api';
import { RelevanceAnnotations } from '../explain/relevance-annotations';
import { runTime } from '../run-line';

interface ImportCliOptions { cache?: string; fasta?: string; regions?: string; label?: string; writeMerged?: string; store: boolean }

export function registerImport(runs: Command): void {
  runs.command('import <out.json...>')
    .description('import out.json files (one run, or the shards of one run in order) into the run cache')
    .option('--cache <file>', 'run cache database (default: PLRP_CACHE_DB or the app data folder)')
    .option('--fasta <X.fa>', 'the FASTA of the whole run (default: the one named in the out.json)')
    .option('--regions <R.bed>', 'shards of a region run: the regions BED of the whole run (default: the one the shards name)')
    .option('--label <text>', 'label shown in the run list')
    .option('--write-merged <merged.json>', 'also write the merged out.json')
    .option('--no-store', 'do not touch the run cache (with --write-merged: merge only)')
    .action(async (files: string[], o: ImportCliOptions) => {
      if (!o.store && !o.writeMerged) {
        throw new AppError('USAGE', '--no-store without --write-merged would do nothing: add --write-merged merged.json to write the merge, or drop --no-store to import into the run cache');
      }
      const docs = await Promise.all(files.map(async (f) => ({ doc: await readOutJson(f), label: f })));
      const fasta = o.fasta ? resolve(o.fasta) : undefined;
      const regionsBed = o.regions ? resolve(o.regions) : undefined;
      const doc = docs.length === 1 && !fasta && !regionsBed ? docs[0].doc : await mergeOutputs(docs, { fasta, regionsBed, annotate: (m, motifsFile) => annotate(m, fasta ?? m.fasta, motifsFile) });
      if (o.writeMerged) {
        await writeFile(o.writeMerged, `${JSON.stringify(doc)}\n`);
        process.stderr.write(`plrp: wrote ${o.writeMerged} (${doc.sequences.length} sequences from ${files.length} file${files.length === 1 ? '' : 's'})\n`);
      }
      if (!o.store) return;
      const svc = new LocalRunService({ cachePath: o.cache, onCacheMessage: (m) => process.stderr.write(`plrp: ${m}\n`) });
      try {
        const source = files.length === 1 ? files[0] : `${files.length} shards`;
        const { runId, reused } = await importOutJson(svc.cache, doc, { fastaPath: fasta, label: o.label ?? null, source });
        if (reused) process.stderr.write(`plrp: ${alreadyImported(await svc.get(runId), source, o.label)}\n`);
        process.stdout.write(`${runId}\n`);
      } finally {
        await svc.close();
      }
    });
}

/** What a repeated import says: which run already holds the content, and that nothing was stored. */
function alreadyImported(run: RunSummary, source: string, label: string | undefined): string {
  const kept = label !== undefined && label !== run.label ? `; its label stays "${run.label ?? ''}"` : '';
  return `the run cache already holds ${source} as run ${run.id} (${run.label ?? 'no label'}, stored ${runTime(run.timings.createdAt)}); nothing stored again${kept}`;
}

/**
 * The letters of the merged sequences: a region run's cut from the genome at each sequence's locus
 * (its names are regions, not records of the FASTA), any other's read by record name.
 */
async function mergedLetters(merged: OutJson, fastaPath: string): Promise<{ name: string; sequence: string }[]> {
  const regions = await outJsonRegionInput(merged, fastaPath, 'the merged shards');
  if (regions) {
    const out: { name: string; sequence: string }[] = [];
    for await (const r of regionSequences(regions.resolved)) out.push({ name: r.name, sequence: r.sequence });
    return out;
  }
  const records = await readFastaAll(fastaPath);
  const byName = new Map(records.map((r) => [r.name, r.sequence]));
  return merged.sequences.map((s) => {
    const sequence = byName.get(s.name);
    if (sequence === undefined) throw new AppError('USAGE', `sequence "${s.name}" is not in ${fastaPath}; pass the FASTA the shards were cut from with --fasta`);
    return { name: s.name, sequence };
  });
}

/** Seqlets (always) and motif hits and ranking (when the run scanned motifs), over all sequences. */
async function annotate(merged: OutJson, fastaPath: string, motifsFile: string | null): Promise<Record<string, unknown>> {
  const sequences = await mergedLetters(merged, fastaPath);
  const observed: Record<string, Float32Array[]> = {};
  for (const e of merged.explanations) {
    observed[e.id] = merged.sequences.map((s, i) => observedBaseRelevance(flatRelevance(s.relevance[e.id] ?? []), encodeOneHot(sequences[i].sequence)));
  }
  if (motifsFile && !existsSync(motifsFile)) {
    throw new AppError('FILE_NOT_FOUND', `the shards scanned the motif file ${motifsFile}, which is not on this machine: merge where it is, so that motif hits and ranking can be recomputed over all sequences`);
  }
  const motifs = motifsFile ? await readMotifFile(motifsFile, []) : [];
  return RelevanceAnnotations.footer(analyzeRelevance({ sequences, observed, motifs }), motifsFile);
}
