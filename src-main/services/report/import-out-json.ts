// `plrp runs import`: puts an out.json (one process's, or the merge of a workflow's shards) into
// the run cache as a finished run, so `plrp runs list`, the app and browser mode open it like a
// run they computed. The sequences come from the run's FASTA (out.json holds no letters), checked
// name by name and length by length against the document. The same content imported again finds
// the run it made (as a repeated run returns from the cache), and a failed import leaves no run:
// the run appears only once all of it is stored (cache/imported-run.ts).
import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { canonicalConfig } from '../../shared/explain-config';
import { flatRelevance, type OutJson } from '../../engine/report/out-json';
import { outJsonDigest } from '../../engine/report/out-json-digest';
import { footerAnnotations } from '../../engine/report/out-json-annotations';
import { explanationKey } from '../cache/cache-key';
import type { ResultRow, StoredRun } from '../cache/cache-types';
import type { RunCache } from '../cache/run-cache';
import { commitImportedRun, findRunWithKeys } from '../cache/imported-run';
import { ingestFasta, ingestRegions } from '../ingest-fasta';
import { outJsonRegionInput } from './out-json-region-input';
import { relevanceStats } from '../../engine/explain/relevance-stats';
import { outputLabels } from '../../engine/explain/model-manifest';
import { RunGroundTruth } from '../run-ground-truth';

const BATCH = 256;

export interface ImportOptions {
  /** Overrides the document's `fasta` path (e.g. when the run was computed on another machine). */
  fastaPath?: string;
  label?: string | null;
  source: string;
  /** Sequences per results transaction (default 256). */
  batchSequences?: number;
}

export interface ImportResult {
  runId: string;
  /** True when the cache already held this content: nothing was stored, runId is the earlier import. */
  reused: boolean;
}

export async function importOutJson(cache: RunCache, doc: OutJson, o: ImportOptions): Promise<ImportResult> {
  const fastaPath = resolve(o.fastaPath ?? doc.fasta);
  if (!existsSync(fastaPath)) throw new AppError('FILE_NOT_FOUND', `${o.source}: its FASTA ${fastaPath} is not there; pass --fasta`);
  // Read (and checked) before anything is stored.
  const annotations = footerAnnotations(doc, o.source);
  // A region document (`plrp explain --region/--regions`) becomes a region run: its regions cut
  // again from the FASTA and stored with their places, as `plrp runs start --regions` stores them,
  // so the run's exports, tracks and report place them on the genome.
  const regions = await outJsonRegionInput(doc, fastaPath, o.source);
  const input = regions
    ? await ingestRegions(cache, regions.resolved, basename(fastaPath))
    : await ingestFasta(cache, fastaPath, basename(fastaPath));
  const stored = cache.sequenceNames(input.sha256, 0, input.count);
  if (stored.length !== doc.sequences.length) {
    throw new AppError('USAGE', `${o.source}: ${doc.sequences.length} sequences, but ${fastaPath} has ${stored.length}; import the merged run of all shards`);
  }
  doc.sequences.forEach((s, i) => {
    if (stored[i].name !== s.name || stored[i].lengthBp !== s.length) {
      throw new AppError('USAGE', `${o.source}: sequence ${i + 1} is "${s.name}" (${s.length} bp) but ${fastaPath} has "${stored[i].name}" (${stored[i].lengthBp} bp) there`);
    }
  });
  // The key of an imported result never equals one a local run computes: we cannot vouch that the
  // document's targets and options are what a fresh run would use, so it must not be reused as one.
  // It holds the document's content digest instead, so equal content gets equal keys.
  const version = `${doc.engine.version}|import=${outJsonDigest(doc)}|metrics=${[...doc.metrics].sort().join(',')}`;
  const target = doc.sequences.every((s) => s.target === argmax(s.output)) ? 'predicted' : doc.sequences[0]?.target ?? 'predicted';
  const keyed = doc.explanations.map((e) => ({
    explId: e.id, config: e.config, canonical: canonicalConfig(e.config),
    explKey: explanationKey({ modelSha256: doc.model.sha256, config: e.config, inputSha256: input.sha256, engineVersion: version, target }),
  }));
  const earlier = findRunWithKeys(cache, doc.model.sha256, input.sha256, keyed.map((e) => e.explKey));
  if (earlier) return { runId: earlier, reused: true };

  // What the cache already knows of the model and its predictions (a run computed here) stays:
  // the document knows less (another machine's path; with a head, the target's logit only).
  // The input length tells which records were tiled (their logit is a window mean; RunSummary.modelLengthBp).
  cache.addModel(doc.model.sha256, basename(doc.model.path), { path: doc.model.path, imported: true, ...(doc.model.length ? { lengthBp: doc.model.length } : {}) });
  const labels = outputLabels(doc.model.path);
  const gtScoring = scoringOf(doc.ground_truth, labels);
  const now = Date.now();
  const run: StoredRun = {
    id: randomUUID(), label: o.label ?? `imported ${basename(o.source)}`, status: 'done', modelSha: doc.model.sha256, inputSha: input.sha256,
    modelName: basename(doc.model.path), fastaName: basename(fastaPath),
    request: {
      modelPath: resolve(doc.model.path), fastaPath, groundTruthBedPath: doc.ground_truth, motifsPath: doc.motifs?.file ?? null, metrics: doc.metrics,
      ...(regions ? { regions: { strings: regions.found.strings, bedPath: regions.found.bed ? resolve(regions.found.bed) : null } } : {}),
      outputLabels: labels,
      // How explain scored the BED (per output for a multitask model whose outputs it names), as a run records it.
      ...(gtScoring ? { groundTruthScoring: gtScoring } : {}),
    },
    target, engineVersion: doc.engine.version, createdAt: now, startedAt: now, finishedAt: now, computeMs: 0, error: null,
    notices: [`imported from ${o.source}`],
    ownerPid: null,
    ownerSeenAt: null,
  };
  // Results in batches (a large import must not hold the cache's write lock for long: the app may
  // be storing a run meanwhile), then the run in one transaction.
  cache.insertExplanations(run, keyed);
  const head = doc.model.head ?? 'none';
  const batch = Math.max(1, o.batchSequences ?? BATCH);
  for (let from = 0; from < doc.sequences.length; from += batch) {
    const slice = doc.sequences.slice(from, from + batch);
    cache.writeBatch({
      modelSha: run.modelSha,
      inputSha: run.inputSha,
      fillPredictions: true,
      predictions: slice.map((s, k) => ({ idx: from + k, output: Float32Array.from(s.output, nan), logits: logitsOf(s.output, s.target, s.logit, head) })),
      results: slice.flatMap((s, k) => keyed.map((e) => {
        const relevance = flatRelevance(s.relevance[e.explId] ?? []);
        const row: ResultRow = {
          idx: from + k, target: s.target, lengthBp: s.length, relevance, diagnostics: s.diagnostics[e.explId] ?? [],
          metrics: (s.metrics?.[e.explId] ?? {}) as Record<string, number>, ...relevanceStats(relevance),
        };
        return { explKey: e.explKey, row };
      })),
      // out.json keeps warnings per sequence (each names its explanation where it has one); the
      // cache keeps them with a result, so they go with the first explanation's.
      warnings: keyed.length === 0 ? [] : slice.flatMap((s, k) => (s.warnings ?? []).map((message) => ({ explKey: keyed[0].explKey, idx: from + k, message }))),
    });
  }
  return commitImportedRun(cache, run, keyed, doc.sequences.length, annotations);
}

/** How the BED scores (as explain scored it, when it still reads the same); undefined when it cannot be read now. */
function scoringOf(bedPath: string | null, labels: string[] | null): 'by-output' | 'all' | undefined {
  try {
    return RunGroundTruth.readIfPresent(bedPath, labels)?.scoring;
  } catch {
    return undefined;
  }
}

function nan(v: number | null): number {
  return v ?? Number.NaN;
}

function argmax(v: readonly (number | null)[]): number {
  let best = 0;
  v.forEach((x, i) => { if ((x ?? -Infinity) > (v[best] ?? -Infinity)) best = i; });
  return best;
}

/**
 * out.json keeps the head's output and the target's logit only. Without a head they are the same
 * vector; with one, the other logits are unknown and stored as NaN rather than guessed.
 */
function logitsOf(output: readonly (number | null)[], target: number, logit: number | null, head: string): Float32Array {
  if (head === 'none') return Float32Array.from(output, nan);
  const out = new Float32Array(output.length).fill(Number.NaN);
  if (target >= 0 && target < out.length) out[target] = nan(logit);
  return out;
}
