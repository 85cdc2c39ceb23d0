// A cached run in the shape of out.json, so `plrp report RUN` (and the app's Export) reports on
// runs from the cache exactly as on a `plrp explain` output: same renderer, same sections. A report
// draws the relevance of a few sequences only, so only those carry relevance, hits and seqlets;
// every sequence carries its numbers (Σ R per explanation, metrics, diagnostics) and its warnings.
// A report on a run of 100,000 sequences read all their relevance into nested arrays: 2 min 40 s
// and 3.5 GB.
import { AppError } from '../../shared/errors';
import type { OutJson, OutSequence } from '../../engine/report/out-json';
import type { SequenceMetrics } from '../../engine/metrics/compute-metrics';
import { summarizeMetrics } from '../../engine/metrics/summarize-metrics';
import { locus } from '../../engine/genomics/region';
import type { LocalRunService } from '../run-service';
import { readWarnings } from '../cache/warning-store';
import { motifHits, motifRanking, seqlets } from '../run-annotations';

export interface RunDocumentOptions {
  /** Sequences (by name) that get their relevance, motif hits and seqlets; default: the first 5, as the report draws. */
  detailNames?: readonly string[];
}

export async function runToOutJson(svc: LocalRunService, runId: string, o: RunDocumentOptions = {}): Promise<OutJson> {
  const cache = svc.cache;
  const run = cache.getRun(runId);
  if (!run) throw new AppError('USAGE', `no run with id ${runId}`);
  const expl = cache.runExplanations(runId);
  const count = cache.inputCount(run.inputSha);
  const preds = cache.predictions(run.modelSha, run.inputSha, 0, count);
  const numbers = expl.map((e) => cache.resultNumbers(e.explKey, 0, count));
  // A run that is not done (cancelled, failed, running) reports on the sequences it computed only:
  // the others have no numbers, and would read as target -1 and count in every summary.
  const meta = cache.sequenceNames(run.inputSha, 0, count).filter((m) => run.status === 'done' || numbers.every((n) => n.has(m.idx)));
  const diagnostics = expl.map((e) => cache.diagnosticsRange(e.explKey, 0, count));
  const warnings = readWarnings(cache.db, expl.map((e) => e.explKey), 0, count);
  const names = new Set(o.detailNames && o.detailNames.length > 0 ? o.detailNames : meta.slice(0, 5).map((m) => m.name));
  const detail = meta.filter((m) => names.has(m.name)).map((m) => m.idx);
  const sequences: OutSequence[] = meta.map((m) => {
    const done = expl.flatMap((e, k) => {
      const n = numbers[k].get(m.idx);
      return n ? [{ id: e.explId, explKey: e.explKey, n, diagnostics: diagnostics[k].get(m.idx) }] : [];
    });
    const p = preds.get(m.idx);
    const target = done[0]?.n.target ?? -1;
    const relevance = (explKey: string): number[][] => {
      const r = cache.readResult(explKey, m.idx)?.relevance;
      return r ? Array.from({ length: r.length / 4 }, (_, i) => Array.from(r.subarray(i * 4, i * 4 + 4))) : [];
    };
    return {
      // A region's description is where it lies, as `plrp explain` writes it.
      name: m.name, description: m.place ? locus({ chrom: m.place.chrom, start: m.place.startBp, end: m.place.startBp + m.lengthBp }) : '', length: m.lengthBp, target,
      logit: p && target >= 0 ? p.logits[target] : null,
      output: p ? Array.from(p.output) : [],
      relevance: names.has(m.name) ? Object.fromEntries(done.map((d) => [d.id, relevance(d.explKey)])) : {},
      relevance_sum: Object.fromEntries(done.map((d) => [d.id, d.n.sum])),
      diagnostics: Object.fromEntries(done.map((d) => [d.id, d.diagnostics])),
      metrics: Object.fromEntries(done.map((d) => [d.id, d.n.metrics])),
      // As `plrp explain` writes them: only on a sequence that has some.
      ...(warnings.has(m.idx) ? { warnings: warnings.get(m.idx) } : {}),
    };
  });
  const hits = detail.flatMap((idx) => motifHits(cache, runId, idx)).map((h) => ({
    motif_id: h.motifId, motif_alt_id: h.motifName, sequence: h.sequenceIndex, start: h.startBp, end: h.endBp, strand: h.strand,
    score: h.score, p_value: h.pValue, q_value: h.qValue, matched_sequence: h.matched, relevance: h.relevance,
  }));
  const byExpl: Record<string, { sequence: number; start: number; end: number; sign: string; attribution: number; p_value: number }[]> = {};
  for (const s of detail.flatMap((idx) => seqlets(cache, runId, idx))) {
    (byExpl[s.explanationId] ??= []).push({ sequence: s.sequenceIndex, start: s.startBp, end: s.endBp, sign: s.sign === '-' ? 'negative' : 'positive', attribution: s.sum, p_value: s.pValue });
  }
  const ranking: Record<string, { motifId: string; motifAltId: string; hitCount: number; coveredBp: number; captured: number; fraction: number }[]> = {};
  for (const r of motifRanking(cache, runId)) {
    (ranking[r.explanationId] ??= []).push({ motifId: r.motifId, motifAltId: r.motifName, hitCount: r.hitCount, coveredBp: r.coveredBp, captured: r.captured, fraction: r.fraction });
  }
  // A run that scanned motifs has a motif file; one that found no hit in the drawn sequences still scanned.
  const scanned = run.request.motifsPath !== null || hits.length > 0 || Object.keys(ranking).length > 0;
  return {
    engine: { name: 'plrp-studio', version: run.engineVersion },
    model: { path: run.request.modelPath, sha256: run.modelSha },
    fasta: run.request.fastaPath,
    // As `plrp explain --regions` records them: the report names a region run's regions.
    ...(run.request.regions ? { regions: { strings: run.request.regions.strings, bed: run.request.regions.bedPath } } : {}),
    ground_truth: run.request.groundTruthBedPath,
    metrics: run.request.metrics,
    explanations: expl.map((e) => ({ id: e.explId, config: e.config })),
    sequences,
    ...(run.request.metrics.length > 0 ? {
      summary: { metrics: Object.fromEntries(expl.map((e) => [e.explId, summarizeMetrics(sequences.map((s) => (s.metrics?.[e.explId] ?? {}) as SequenceMetrics)) as Record<string, unknown>])) },
    } : {}),
    seqlets: byExpl,
    ...(scanned ? { motifs: { file: run.request.motifsPath, hits, ranking } } : {}),
  };
}
