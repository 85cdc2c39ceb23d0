// Motif hits, motif ranking and seqlets from the run service on the shipped cnn32-pair model and
// the demo FASTA, whose GATA1 and TAL1::TCF3 sites are planted at the positions of its BED.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveSeed, DEFAULT_METRICS_SEED } from '../../../src-main/engine/metrics/rng';
import { LocalRunService } from '../../../src-main/services/run-service';
import { knownHitsReader } from '../../../src-main/services/cache/reuse-annotations';
import { exportRunLines } from '../../../src-main/server/api/export-run';
import { runToOutJson } from '../../../src-main/services/report/run-to-out-json';
import { buildRunReport } from '../../../src-main/services/report/run-report';
import type { MotifHitRow, MotifRankRow, RunRequest } from '../../../src-main/shared/run-api';
import { tempDir } from './service-fixtures';

const res = (p: string): string => fileURLToPath(new URL(`../../../resources/${p}`, import.meta.url));
const MODEL = res('models/cnn32-pair.onnx');
const FASTA = res('demo/gata-tal-pair.fa');
const BED = res('demo/gata-tal-pair.bed');
const ONE_MOTIF = fileURLToPath(new URL('../../fixtures/genomics/motif.meme', import.meta.url));
const planted = readFileSync(BED, 'utf8').trim().split('\n').map((l) => {
  const [name, start, end, motif] = l.split('\t');
  return { idx: Number(name.slice('test_'.length)), start: Number(start), end: Number(end), motifId: motif.split(':').at(-1)! };
});

let t: ReturnType<typeof tempDir>;
let svc: LocalRunService;
let runId = '';
let hits: MotifHitRow[] = [];
const request: RunRequest = {
  model: { kind: 'path', path: MODEL },
  fasta: { kind: 'path', path: FASTA },
  groundTruthBed: { kind: 'path', path: BED },
  explanations: [{ id: 'lrp', composite: 'epsilon-plus' }, { id: 'plrp', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.5 }],
  metrics: ['gini', 'faithfulness'],
};

beforeAll(async () => {
  t = tempDir();
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1 });
  runId = (await svc.start(request)).id;
  expect((await svc.whenSettled(runId)).status).toBe('done');
  hits = await svc.motifHits(runId);
}, 120_000);
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

describe('motif annotations of a run (bundled JASPAR by default)', () => {
  it('finds the planted motifs at their BED positions', () => {
    const found = planted.filter((p) => hits.some((h) => h.sequenceIndex === p.idx && h.motifId === p.motifId && h.startBp === p.start && h.endBp === p.end));
    // Sampled sites do not all reach p ≤ 1e-4 for the exact JASPAR matrix: 30 of 49 do (FIMO-exact scan).
    expect(found.length).toBe(30);
    for (const h of hits) {
      expect(h.pValue).toBeLessThanOrEqual(1e-4);
      expect(h.qValue).toBeGreaterThanOrEqual(h.pValue);
      expect(Object.keys(h.relevance).sort()).toEqual(['lrp', 'plrp']);
    }
  });

  it('exports every hit of the run as TSV, sequence by sequence, in the order the API lists them', async () => {
    let text = '';
    for await (const chunk of exportRunLines(svc, runId, 'motifs-tsv')) text += chunk as string;
    const [header, ...lines] = text.trimEnd().split('\n');
    // FIMO's columns: the sequence by name, 1-based inclusive coordinates; then each explanation's
    // sum and mean over the hit (explain --export's hits-relevance.tsv columns), and last the
    // region the hit was found in, for a FASTA's records the record's name.
    expect(header.split('\t')).toEqual(['motif_id', 'motif_alt_id', 'sequence_name', 'start', 'stop', 'strand', 'score', 'p-value', 'q-value', 'matched_sequence', 'lrp_sum', 'lrp_mean', 'plrp_sum', 'plrp_mean', 'region']);
    expect(lines.every((l) => l.split('\t')[14] === l.split('\t')[2])).toBe(true);
    const names = new Map((await svc.sequences({ runId, limit: 1000 })).rows.map((r) => [r.index, r.name]));
    expect(lines.map((l) => l.split('\t').slice(0, 6).join(':'))).toEqual(hits.map((h) => [h.motifId, h.motifName, names.get(h.sequenceIndex), h.startBp + 1, h.endBp, h.strand].join(':')));
    expect(lines.every((l) => l.split('\t')[2].startsWith('test_'))).toBe(true);
  });

  it('reports on the cached run with its metric summary and motif ranking, drawing only the chosen sequences', async () => {
    const doc = await runToOutJson(svc, runId, { detailNames: ['test_00003'] });
    const rows = (await svc.sequences({ runId, limit: 100 })).rows;
    expect(doc.sequences.filter((s) => Object.keys(s.relevance).length > 0).map((s) => s.name)).toEqual(['test_00003']);
    expect(doc.sequences.map((s) => s.relevance_sum?.plrp)).toEqual(rows.map((r) => r.explanations.plrp.sum));
    expect((doc.summary?.metrics?.lrp?.gini as { n: number }).n).toBe(rows.length);
    const motifs = doc.motifs as { hits: { sequence: number }[]; ranking: Record<string, { motifId: string; captured: number }[]> };
    expect(new Set(motifs.hits.map((h) => h.sequence))).toEqual(new Set([3]));
    const ranking = await svc.motifRanking(runId, 'plrp');
    expect(motifs.ranking.plrp.map((r) => [r.motifId, r.captured])).toEqual(ranking.map((r) => [r.motifId, r.captured]));
    const html = (await buildRunReport(svc, runId, 'html')).toString('utf8');
    expect(html).not.toContain('No metrics were computed');
    expect(html).not.toContain('No motif scan in this run');
    expect(html).toContain(`<td class="name"><span class="nowrap">${ranking[0].motifId}</span></td>`);
  });

  it('counts each sequence\'s hits in its table row (the table needs no hit list), 0 for a scanned sequence without hits', async () => {
    const { rows } = await svc.sequences({ runId });
    const counts = new Map<number, number>();
    for (const h of hits) counts.set(h.sequenceIndex, (counts.get(h.sequenceIndex) ?? 0) + 1);
    expect(rows.map((r) => r.motifHits)).toEqual(rows.map((r) => counts.get(r.index) ?? 0));
    expect(rows.some((r) => (r.motifHits ?? 0) > 1)).toBe(true);
  });

  it('weights each hit by the summed relevance of the bases it covers', async () => {
    const h = hits.find((x) => x.sequenceIndex === planted[0].idx && x.motifId === planted[0].motifId)!;
    const slice = await svc.trackSlice({ runId, sequenceIndex: h.sequenceIndex, explanationId: 'lrp', startBp: 0, endBp: 200, bpPerBin: 1 });
    const sum = slice.bases!.slice(h.startBp, h.endBp).flat().reduce((a, b) => a + b, 0);
    expect(h.relevance.lrp).toBeCloseTo(sum, 4);
  });

  it('ranks GATA and TAL1 motifs among the top motifs by captured relevance', async () => {
    const ranking = await svc.motifRanking(runId, 'plrp');
    expect(ranking.length).toBeGreaterThan(10);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i - 1].captured).toBeGreaterThanOrEqual(ranking[i].captured);
    const top = ranking.slice(0, 10).map((r) => r.motifName.toUpperCase());
    expect(top.some((n) => n.startsWith('GATA'))).toBe(true);
    expect(ranking[0].fraction).toBeGreaterThan(0);
    expect(ranking[0].fraction).toBeLessThanOrEqual(1);
  });

  it('calls positive seqlets per explanation, enriched on the planted sites', async () => {
    const seqlets = await svc.seqlets(runId);
    expect(new Set(seqlets.map((s) => s.explanationId))).toEqual(new Set(['lrp', 'plrp']));
    // By sequence, then by start, as the tracks read them.
    expect(seqlets).toEqual([...seqlets].sort((a, b) => a.sequenceIndex - b.sequenceIndex || a.startBp - b.startBp));
    const positive = seqlets.filter((s) => s.explanationId === 'plrp' && s.sign === '+');
    const onSite = positive.filter((s) => planted.some((p) => s.sequenceIndex === p.idx && s.startBp < p.end && s.endBp > p.start));
    // Expected overlaps if each seqlet were placed uniformly at random in its sequence.
    const chance = positive.reduce((acc, s) => {
      const len = s.endBp - s.startBp;
      let hitting = 0;
      for (let start = 0; start + len <= 200; start++) if (planted.some((p) => p.idx === s.sequenceIndex && start < p.end && start + len > p.start)) hitting++;
      return acc + hitting / (200 - len + 1);
    }, 0);
    for (const s of positive) expect(s.sum).toBeGreaterThan(0);
    // Measured: 14 of 48 positive seqlets on a site where chance gives about a third of that.
    expect(onSite.length).toBeGreaterThan(2 * chance);
  });

  it('records the per-sequence metrics seed derived from the run seed', () => {
    const db = new Database(join(t.dir, 'cache.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT idx, metrics_json FROM results').all() as { idx: number; metrics_json: string }[];
    db.close();
    expect(rows.length).toBe(80);
    for (const r of rows) expect((JSON.parse(r.metrics_json) as { seed: number }).seed).toBe(deriveSeed(DEFAULT_METRICS_SEED, r.idx));
  });

  it('gives a repeated run from the cache the same hits without recomputing explanations', async () => {
    const again = await svc.start(request);
    const done = await svc.whenSettled(again.id);
    expect(done.timings.cachedExplanations.sort()).toEqual(['lrp', 'plrp']);
    const hits2 = await svc.motifHits(again.id);
    const key = (h: MotifHitRow) => `${h.sequenceIndex}:${h.motifId}:${h.startBp}:${h.strand}:${h.relevance.lrp.toFixed(5)}:${h.qValue}`;
    expect(hits2.map(key).sort()).toEqual(hits.map(key).sort());
    const r1 = await svc.motifRanking(runId);
    const r2 = await svc.motifRanking(again.id);
    expect(r2.map((r) => [r.explanationId, r.motifId, r.captured.toFixed(6)])).toEqual(r1.map((r) => [r.explanationId, r.motifId, r.captured.toFixed(6)]));
  }, 60_000);

  it('renames the relevance of copied hits to a repeated run\'s own explanation ids, keeping every digit', async () => {
    const renamed = await svc.start({ ...request, explanations: [{ id: 'sparse.v2', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.5 }] });
    expect((await svc.whenSettled(renamed.id)).timings.cachedExplanations).toEqual(['sparse.v2']);
    const copied = await svc.motifHits(renamed.id);
    expect(copied.length).toBe(hits.length);
    const byPlace = new Map(hits.map((h) => [`${h.sequenceIndex}:${h.motifId}:${h.startBp}:${h.strand}`, h]));
    for (const h of copied) {
      expect(Object.keys(h.relevance)).toEqual(['sparse.v2']);
      expect(h.relevance['sparse.v2']).toBe(byPlace.get(`${h.sequenceIndex}:${h.motifId}:${h.startBp}:${h.strand}`)!.relevance.plrp);
    }
  }, 60_000);

  it('weights the earlier scan\'s hits by a run\'s new explanation instead of scanning again, with the hits and ranks of a fresh scan', async () => {
    const extra = { ...request, explanations: [...request.explanations, { id: 'extra', composite: 'epsilon-plus' as const, method: 'plrp-m' as const, p: 0.2 }] };
    // A marker only the stored hits carry (every earlier run's: any may be the donor); a new scan would compute q-values again.
    const shiftQ = (where: string) => svc.cache.db.prepare(`UPDATE motif_hit_sets SET findings_json =
      (SELECT json_group_array(json_set(f.value, '$[7]', (f.value ->> 7) + ?) ORDER BY f.key) FROM json_each(findings_json) f) ${where}`);
    shiftQ('').run(1e-9);
    const grown = await svc.start(extra);
    expect((await svc.whenSettled(grown.id)).timings.cachedExplanations.sort()).toEqual(['lrp', 'plrp']);
    const reused = await svc.motifHits(grown.id);
    shiftQ('WHERE run_id != ?').run(-1e-9, grown.id);
    expect(new Set(reused.map((h) => h.qValue))).toEqual(new Set(hits.map((h) => h.qValue + 1e-9)));

    const fresh = tempDir();
    const alone = new LocalRunService({ cachePath: join(fresh.dir, 'cache.sqlite'), threads: 1 });
    try {
      const scanned = await alone.whenSettled((await alone.start(extra)).id);
      const key = (h: MotifHitRow) => `${h.sequenceIndex}:${h.motifId}:${h.startBp}:${h.strand}:${h.score}:${h.pValue}:${h.matched}:${JSON.stringify(h.relevance)}`;
      const expected = await alone.motifHits(scanned.id);
      expect(reused.map(key).sort()).toEqual(expected.map(key).sort());
      const rank = (r: MotifRankRow) => `${r.explanationId}:${r.motifId}:${r.sequences}:${r.hitCount}:${r.coveredBp}:${r.captured}`;
      expect((await svc.motifRanking(grown.id)).map(rank).sort()).toEqual((await alone.motifRanking(scanned.id)).map(rank).sort());
    } finally {
      await alone.close();
      fresh.cleanup();
    }
  }, 120_000);

  it('reads no known hits from a run that is gone (deleted while a run used it), so that sequence is scanned', () => {
    const read = knownHitsReader(svc.cache.db, runId);
    const stored = hits.filter((h) => h.sequenceIndex === 0).map(({ sequenceIndex: _, relevance: __, ...h }) => h);
    expect(read(0)).toHaveLength(stored.length);
    expect(read(0)).toEqual(expect.arrayContaining(stored));
    expect(knownHitsReader(svc.cache.db, 'deleted-run')(0)).toBeNull();
  });

  it('counts 0 hits, not "not scanned", for a scanned sequence where no motif matched', async () => {
    const one = await svc.start({ ...request, explanations: [{ id: 'fast', composite: 'epsilon' }], motifs: { kind: 'path', path: ONE_MOTIF } });
    expect((await svc.whenSettled(one.id)).status).toBe('done');
    const { rows } = await svc.sequences({ runId: one.id });
    const withHits = new Set((await svc.motifHits(one.id)).map((h) => h.sequenceIndex));
    expect(rows.filter((r) => r.motifHits === 0).map((r) => r.index)).toEqual(rows.map((r) => r.index).filter((i) => !withHits.has(i)));
    expect(rows.some((r) => r.motifHits === 0)).toBe(true);
  }, 60_000);

  it('skips motif scanning when the request turns it off, and still calls seqlets', async () => {
    const off = await svc.start({ ...request, explanations: [{ id: 'fast', composite: 'epsilon' }], scanMotifs: false });
    expect((await svc.whenSettled(off.id)).status).toBe('done');
    expect(await svc.motifHits(off.id)).toEqual([]);
    // Not scanned is not "no hits": the table shows "—", not 0.
    expect((await svc.sequences({ runId: off.id })).rows.every((r) => r.motifHits === null)).toBe(true);
    expect((await svc.seqlets(off.id)).length).toBeGreaterThan(0);
  }, 60_000);
});
