// `plrp runs import`: puts an out.json (one process's, or the merge of a workflow's shards) into
// the run cache as a finished run, so `plrp runs list`, the app and browser mode open it like a
// run they computed. The sequences come from the run's FASTA (out.json holds no letters), checked
// name by name and length by length against the document.
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { canonicalConfig } from '../../shared/explain-config';
import { flatRelevance, type OutJson } from '../../engine/report/out-json';
import { explanationKey } from '../cache/cache-key';
import type { ResultRow, StoredRun } from '../cache/cache-types';
import type { RunCache } from '../cache/run-cache';
import { ingestFasta } from '../ingest-fasta';
import { relevanceStats } from '../../engine/explain/relevance-stats';
import { motifHitSets } from '../../engine/export/motif-hit-sets';
import { seqletSets } from '../../engine/export/seqlet-sets';
import type { MotifHitRow } from '../../shared/run-api';

const BATCH = 256;

export interface ImportOptions {
  /** Overrides the document's `fasta` path (e.g. when the run was computed on another machine). */
  fastaPath?: string;
  label?: string | null;
  source: string;
}

export async function importOutJson(cache: RunCache, doc: OutJson, o: ImportOptions): Promise<string> {
  const fastaPath = resolve(o.fastaPath ?? doc.fasta);
  if (!existsSync(fastaPath)) throw new AppError('FILE_NOT_FOUND', `${o.source}: its FASTA ${fastaPath} is not there; pass --fasta`);
  const input = await ingestFasta(cache, fastaPath, basename(fastaPath));
  const stored = cache.sequenceNames(input.sha256, 0, input.count);
  if (stored.length !== doc.sequences.length) {
    throw new AppError('USAGE', `${o.source}: ${doc.sequences.length} sequences, but ${fastaPath} has ${stored.length}; import the merged run of all shards`);
  }
  doc.sequences.forEach((s, i) => {
    if (stored[i].name !== s.name || stored[i].lengthBp !== s.length) {
      throw new AppError('USAGE', `${o.source}: sequence ${i + 1} is "${s.name}" (${s.length} bp) but ${fastaPath} has "${stored[i].name}" (${stored[i].lengthBp} bp) there`);
    }
  });
  cache.upsertModel(doc.model.sha256, basename(doc.model.path), { path: doc.model.path, imported: true });
  // The key of an imported result never equals one a local run computes: we cannot vouch that the
  // document's targets and options are what a fresh run would use, so it must not be reused as one.
  const contentSha = createHash('sha256').update(JSON.stringify(doc.sequences.map((s) => [s.name, s.target]))).update(o.source).digest('hex');
  const version = `${doc.engine.version}|import=${contentSha}|metrics=${[...doc.metrics].sort().join(',')}`;
  const target = doc.sequences.every((s) => s.target === argmax(s.output)) ? 'predicted' : doc.sequences[0]?.target ?? 'predicted';
  const now = Date.now();
  const run: StoredRun = {
    id: randomUUID(), label: o.label ?? `imported ${basename(o.source)}`, status: 'done', modelSha: doc.model.sha256, inputSha: input.sha256,
    modelName: basename(doc.model.path), fastaName: basename(fastaPath),
    request: { modelPath: resolve(doc.model.path), fastaPath, groundTruthBedPath: doc.ground_truth, motifsPath: doc.motifs?.file ?? null, metrics: doc.metrics },
    target, engineVersion: doc.engine.version, createdAt: now, startedAt: now, finishedAt: now, computeMs: 0, error: null,
    notices: [`imported from ${o.source}`],
    ownerPid: null,
    ownerSeenAt: null,
  };
  const keyed = doc.explanations.map((e) => ({
    explId: e.id, config: e.config, canonical: canonicalConfig(e.config),
    explKey: explanationKey({ modelSha256: run.modelSha, config: e.config, inputSha256: input.sha256, engineVersion: version, target }),
  }));
  cache.insertRun(run, keyed);
  const head = doc.model.head ?? 'none';
  for (let from = 0; from < doc.sequences.length; from += BATCH) {
    const slice = doc.sequences.slice(from, from + BATCH);
    cache.writeBatch({
      modelSha: run.modelSha,
      inputSha: run.inputSha,
      predictions: slice.map((s, k) => ({ idx: from + k, output: Float32Array.from(s.output, nan), logits: logitsOf(s.output, s.target, s.logit, head) })),
      results: slice.flatMap((s, k) => keyed.map((e) => {
        const relevance = flatRelevance(s.relevance[e.explId] ?? []);
        const row: ResultRow = {
          idx: from + k, target: s.target, lengthBp: s.length, relevance, diagnostics: s.diagnostics[e.explId] ?? [],
          metrics: (s.metrics?.[e.explId] ?? {}) as Record<string, number>, ...relevanceStats(relevance),
        };
        return { explKey: e.explKey, row };
      })),
    });
  }
  for (const e of keyed) cache.markExplanationCached(run.id, e.explId);
  writeAnnotations(cache, run.id, doc, new Map(keyed.map((e) => [e.explId, e.explKey])));
  return run.id;
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

interface FooterHit { motif_id: string; motif_alt_id?: string | null; sequence: number; start: number; end: number; strand: '+' | '-'; score: number; p_value: number; q_value: number; matched_sequence: string; relevance: Record<string, number> }
interface FooterSeqlet { sequence: number; start: number; end: number; sign: string; attribution: number; p_value: number }

/** Motif hits and seqlets of the footer into the tables the app's tracks read. */
function writeAnnotations(cache: RunCache, runId: string, doc: OutJson, keys: Map<string, string>): void {
  const hits = ((doc.motifs as { hits?: FooterHit[] } | undefined)?.hits ?? []);
  const seqlets = (doc.seqlets ?? {}) as unknown as Record<string, FooterSeqlet[]>;
  const insertHits = cache.db.prepare('INSERT INTO motif_hit_sets (run_id, idx, hit_count, findings_json, relevance_json) VALUES (?, ?, ?, ?, ?)');
  const insertSeqlets = cache.db.prepare('INSERT INTO seqlet_sets (expl_key, idx, seqlet_count, seqlets_json) VALUES (?, ?, ?, ?)');
  cache.db.transaction(() => {
    const rows = hits.map((h): MotifHitRow => ({
      sequenceIndex: h.sequence, motifId: h.motif_id, motifName: h.motif_alt_id ?? h.motif_id, startBp: h.start, endBp: h.end, strand: h.strand,
      score: h.score, pValue: h.p_value, qValue: h.q_value, matched: h.matched_sequence, relevance: h.relevance,
    }));
    for (const set of motifHitSets(rows)) insertHits.run(runId, set.idx, set.count, set.findingsJson, set.relevanceJson);
    for (const [id, list] of Object.entries(seqlets)) {
      const key = keys.get(id);
      if (!key) continue;
      const stored = list.map((s) => ({ idx: s.sequence, startBp: s.start, endBp: s.end, sign: s.sign === 'negative' || s.sign === '-' ? '-' as const : '+' as const, sum: s.attribution, pValue: s.p_value }));
      for (const set of seqletSets(id, stored)) insertSeqlets.run(key, set.idx, set.count, set.seqletsJson);
    }
  })();
}
