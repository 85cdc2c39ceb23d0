// The motif ranking (the Dashboard's and the report's): each motif's captured relevance as a
// fraction of its explanation's Σ|R| over the run. The totals are summed once per explanation; they
// were summed again for every motif row, 18 s of a report on a run of 20,000 sequences.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunCache } from '../../../src-main/services/cache/run-cache';
import { motifRanking } from '../../../src-main/services/run-annotations';
import { canonicalConfig, parseExplainConfig } from '../../../src-main/shared/explain-config';
import type { MotifRankRow } from '../../../src-main/shared/run-api';
import { relevance, storedRun, tempDir } from './cache/temp-cache';

const M = 'm'.repeat(64);
const I = 'i'.repeat(64);
const SEQUENCES = 4000;
const MOTIFS = 800;
const LENGTH = 200;

let t: ReturnType<typeof tempDir>;
let cache: RunCache;

beforeAll(() => {
  t = tempDir();
  cache = new RunCache(join(t.dir, 'c.sqlite'));
  cache.upsertModel(M, 'cnn.onnx', {});
  cache.beginInput(I, 'in.fa');
  cache.addSequences(I, Array.from({ length: SEQUENCES }, (_, idx) => ({ idx, name: `s${idx}`, lengthBp: LENGTH, letters: 'ACGT'.repeat(LENGTH / 4) })));
  cache.completeInput(I, SEQUENCES);
  // Three explanations: two with results, one (never computed) without, whose fractions are 0.
  const explanations = ['lrp', 'plrp', 'none'].map((id) => {
    const config = parseExplainConfig({ id });
    return { explId: id, explKey: `k-${id}`, config, canonical: `${canonicalConfig(config)}-${id}` };
  });
  cache.insertRun(storedRun('r1', 1, { modelSha: M, inputSha: I }), explanations);
  for (const [k, key] of ['k-lrp', 'k-plrp'].entries()) {
    cache.writeBatch({
      modelSha: M, inputSha: I, predictions: [],
      results: Array.from({ length: SEQUENCES }, (_, idx) => ({
        explKey: key,
        row: { idx, target: 1, lengthBp: LENGTH, relevance: relevance(LENGTH, idx + k), sum: 0, absSum: 1 + ((idx * 7 + k) % 13) / 3, min: -1, max: 1, diagnostics: [], metrics: {} },
      })),
    });
  }
  const insert = cache.db.prepare('INSERT INTO motif_ranks (run_id, expl_id, motif_id, motif_name, sequences, hit_count, covered_bp, captured) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  cache.db.transaction(() => {
    for (const expl of ['lrp', 'plrp', 'none']) {
      // Ties in captured relevance too, ordered by motif id.
      for (let m = 0; m < MOTIFS; m++) insert.run('r1', expl, `MA${String(m).padStart(4, '0')}.1`, `M${m}`, m % 50, m % 70, m * 3, ((m * 37) % 101) / 7);
    }
  })();
}, 60_000);
afterAll(() => {
  cache.close();
  t.cleanup();
});

/** The ranking as the correlated query computed it before (the reference the faster one must equal). */
function slowRanking(runId: string, explanationId?: string): MotifRankRow[] {
  const rows = cache.db.prepare(`SELECT m.*, (SELECT SUM(r.abs_sum) FROM results r JOIN run_explanations re ON re.expl_key = r.expl_key
      WHERE re.run_id = m.run_id AND re.expl_id = m.expl_id) AS abs_total
    FROM motif_ranks m WHERE m.run_id = ? AND (? IS NULL OR m.expl_id = ?) ORDER BY m.expl_id, m.captured DESC, m.motif_id`)
    .all(runId, explanationId ?? null, explanationId ?? null) as { expl_id: string; motif_id: string; motif_name: string; sequences: number; hit_count: number; covered_bp: number; captured: number; abs_total: number | null }[];
  return rows.map((r) => ({
    explanationId: r.expl_id, motifId: r.motif_id, motifName: r.motif_name, sequences: r.sequences, hitCount: r.hit_count,
    coveredBp: r.covered_bp, captured: r.captured, fraction: r.abs_total ? r.captured / r.abs_total : 0,
  }));
}

describe('motifRanking', () => {
  it('equals the ranking computed with a total per motif row, for the whole run and for each explanation', () => {
    const all = motifRanking(cache, 'r1');
    expect(all).toHaveLength(3 * MOTIFS);
    expect(all).toEqual(slowRanking('r1'));
    for (const id of ['lrp', 'plrp', 'none']) expect(motifRanking(cache, 'r1', id)).toEqual(slowRanking('r1', id));
    expect(all.filter((r) => r.explanationId === 'none').every((r) => r.fraction === 0)).toBe(true);
    expect(all.find((r) => r.explanationId === 'plrp' && r.captured > 0)!.fraction).toBeGreaterThan(0);
    expect(motifRanking(cache, 'no-such-run')).toEqual([]);
  });
});
