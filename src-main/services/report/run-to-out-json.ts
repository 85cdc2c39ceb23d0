// A cached run in the shape of out.json, so `plrp report RUN` (and the app's Export) reports on
// runs from the cache exactly as on a `plrp explain` output: same renderer, same sections.
import { AppError } from '../../shared/errors';
import type { OutJson, OutSequence } from '../../engine/report/out-json';
import type { LocalRunService } from '../run-service';
import { motifHits, seqlets } from '../run-annotations';

export async function runToOutJson(svc: LocalRunService, runId: string): Promise<OutJson> {
  const cache = svc.cache;
  const run = cache.getRun(runId);
  if (!run) throw new AppError('USAGE', `no run with id ${runId}`);
  const expl = cache.runExplanations(runId);
  const count = cache.inputCount(run.inputSha);
  const meta = cache.sequenceNames(run.inputSha, 0, count);
  const preds = cache.predictions(run.modelSha, run.inputSha, 0, count);
  const sequences: OutSequence[] = meta.map((m) => {
    const results = expl.map((e) => [e.explId, cache.readResult(e.explKey, m.idx)] as const);
    const first = results.find(([, r]) => r)?.[1];
    const p = preds.get(m.idx);
    const target = first?.target ?? -1;
    const rows = (rel: Float32Array): number[][] => Array.from({ length: rel.length / 4 }, (_, i) => Array.from(rel.subarray(i * 4, i * 4 + 4)));
    return {
      name: m.name, description: '', length: m.lengthBp, target,
      logit: p && target >= 0 ? p.logits[target] : null,
      output: p ? Array.from(p.output) : [],
      relevance: Object.fromEntries(results.filter(([, r]) => r).map(([id, r]) => [id, rows(r!.relevance)])),
      diagnostics: Object.fromEntries(results.filter(([, r]) => r).map(([id, r]) => [id, r!.diagnostics])),
      metrics: Object.fromEntries(results.filter(([, r]) => r).map(([id, r]) => [id, r!.metrics])),
    };
  });
  const hits = motifHits(cache, runId).map((h) => ({
    motif_id: h.motifId, motif_alt_id: h.motifName, sequence: h.sequenceIndex, start: h.startBp, end: h.endBp, strand: h.strand,
    score: h.score, p_value: h.pValue, q_value: h.qValue, matched_sequence: h.matched, relevance: h.relevance,
  }));
  const byExpl: Record<string, { sequence: number; start: number; end: number; sign: string; attribution: number; p_value: number }[]> = {};
  for (const s of seqlets(cache, runId)) {
    (byExpl[s.explanationId] ??= []).push({ sequence: s.sequenceIndex, start: s.startBp, end: s.endBp, sign: s.sign === '-' ? 'negative' : 'positive', attribution: s.sum, p_value: s.pValue });
  }
  return {
    engine: { name: 'plrp-studio', version: run.engineVersion },
    model: { path: run.request.modelPath, sha256: run.modelSha },
    fasta: run.request.fastaPath,
    ground_truth: run.request.groundTruthBedPath,
    metrics: run.request.metrics,
    explanations: expl.map((e) => ({ id: e.explId, config: e.config })),
    sequences,
    seqlets: byExpl,
    ...(hits.length ? { motifs: { file: run.request.motifsPath, hits } } : {}),
  };
}
