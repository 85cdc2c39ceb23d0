// Read-side views of the cache in the shapes of shared/run-api.ts: run summaries and sequence rows.
import { basename } from 'node:path';
import { METRIC_NAMES, type ExplanationNumbers, type MetricName, type RunSummary, type SequenceRow } from '../shared/run-api';
import { runOutputLabels, runRecommendedP, type ResultNumbers, type RunExplanation, type StoredRun } from './cache/cache-types';
import type { RunCache } from './cache/run-cache';
import { readWarnings } from './cache/warning-store';
import { ownerElsewhere } from './run-owner';
import type { Head } from '../shared/model-info';

export function runSummary(cache: RunCache, run: StoredRun, sequenceCount: number): RunSummary {
  const explanations = cache.runExplanations(run.id);
  return {
    id: run.id,
    label: run.label,
    status: run.status,
    modelName: run.modelName,
    modelSha256: run.modelSha,
    fastaName: run.fastaName,
    inputSha256: run.inputSha,
    sequenceCount,
    sequencesDone: cache.sequencesDone(run.id),
    regions: run.request.regions ? { strings: run.request.regions.strings, bedName: run.request.regions.bedPath ? basename(run.request.regions.bedPath) : null } : null,
    explanations: explanations.map((e) => ({ id: e.explId, composite: e.config.composite, method: e.config.method, canonical: canonicalOf(e) })),
    metrics: run.request.metrics as MetricName[],
    target: run.target,
    outputLabels: runOutputLabels(run.request),
    modelRecommendedP: runRecommendedP(run.request),
    engineVersion: run.engineVersion,
    timings: {
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      computeMs: run.computeMs,
      cachedExplanations: explanations.filter((e) => e.cached).map((e) => e.explId),
      computedExplanations: explanations.filter((e) => !e.cached).map((e) => e.explId),
    },
    error: run.error,
    notices: run.notices,
    groundTruthScoring: run.request.groundTruthScoring ?? null,
    computedElsewhereBy: ownerElsewhere(run),
    modelHead: modelHeadOf(cache, run.modelSha),
    modelLengthBp: modelLengthOf(cache, run.modelSha),
  };
}

const HEADS: readonly Head[] = ['sigmoid', 'softmax', 'log-softmax', 'none'];

/** The head recorded with the model when a run started or opened it; null when none was (older caches, imports). */
function modelHeadOf(cache: RunCache, modelSha: string): Head | null {
  const row = cache.statement('SELECT info_json FROM models WHERE sha256 = ?').get(modelSha) as { info_json: string } | undefined;
  const head = row ? (JSON.parse(row.info_json) as { head?: unknown }).head : undefined;
  return HEADS.find((h) => h === head) ?? null;
}

/** The model's input length recorded with it (a run that explained sequences records it); null when none was. */
function modelLengthOf(cache: RunCache, modelSha: string): number | null {
  const row = cache.statement('SELECT info_json FROM models WHERE sha256 = ?').get(modelSha) as { info_json: string } | undefined;
  const lengthBp = row ? (JSON.parse(row.info_json) as { lengthBp?: unknown }).lengthBp : undefined;
  return typeof lengthBp === 'number' ? lengthBp : null;
}

function canonicalOf(e: RunExplanation): string {
  const { id: _id, ...rest } = e.config;
  return JSON.stringify(rest);
}

/** Metrics as numbers: faithfulness is summarised by its MoRF − LeRF area, undefined ones dropped. */
export function metricNumbers(metrics: Record<string, unknown>): Partial<Record<MetricName, number>> {
  const out: Partial<Record<MetricName, number>> = {};
  for (const [k, v] of Object.entries(metrics)) {
    if (!(METRIC_NAMES as readonly string[]).includes(k)) continue;
    if (typeof v === 'number') out[k as MetricName] = v;
    else if (k === 'faithfulness' && v && typeof v === 'object' && 'morfMinusLerfAuc' in v) {
      out.faithfulness = (v as { morfMinusLerfAuc: number }).morfMinusLerfAuc;
    }
  }
  return out;
}

/**
 * Motif hits per scanned sequence, as stored with each sequence's hits: the table needs the count,
 * and a large run's hits (millions for 100,000 sequences × 879 motifs) must not travel to the
 * renderer for it. A scanned sequence without a hit record has 0 hits; one the run has not scanned
 * (motifs off, or not reached yet) has none in the map, so the table shows "—" as for its other
 * columns rather than a 0 that claims a scan.
 */
function hitCounts(cache: RunCache, runId: string, fromIdx: number, toIdx: number): Map<number, number> {
  const rows = cache.statement(`SELECT s.idx, coalesce(h.hit_count, 0) AS n FROM run_scanned s
    LEFT JOIN motif_hit_sets h ON h.run_id = s.run_id AND h.idx = s.idx WHERE s.run_id = ? AND s.idx >= ? AND s.idx < ?`)
    .all(runId, fromIdx, toIdx) as { idx: number; n: number }[];
  return new Map(rows.map((r) => [r.idx, r.n]));
}

export function sequenceRows(cache: RunCache, run: StoredRun, offset: number, limit: number): SequenceRow[] {
  const meta = cache.sequenceNames(run.inputSha, offset, limit);
  if (meta.length === 0) return [];
  const from = meta[0].idx;
  const to = meta[meta.length - 1].idx + 1;
  const explanations = cache.runExplanations(run.id);
  const numbers = new Map<string, Map<number, ResultNumbers>>(explanations.map((e) => [e.explId, cache.resultNumbers(e.explKey, from, to)]));
  const predictions = cache.predictions(run.modelSha, run.inputSha, from, to);
  const warnings = readWarnings(cache.db, explanations.map((e) => e.explKey), from, to);
  const hits = hitCounts(cache, run.id, from, to);
  return meta.map((m) => {
    const p = predictions.get(m.idx);
    const byExpl: Record<string, ExplanationNumbers> = {};
    let target = -1;
    for (const e of explanations) {
      const n = numbers.get(e.explId)!.get(m.idx);
      if (!n) continue;
      target = n.target;
      byExpl[e.explId] = { sum: n.sum, absSum: n.absSum, min: n.min, max: n.max, metrics: metricNumbers(n.metrics) };
    }
    return {
      index: m.idx,
      name: m.name,
      lengthBp: m.lengthBp,
      target,
      logit: p && target >= 0 ? p.logits[target] : Number.NaN,
      output: p ? [...p.output] : [],
      explanations: byExpl,
      warnings: warnings.get(m.idx) ?? [],
      motifHits: hits.get(m.idx) ?? null,
      place: m.place,
    };
  });
}
