// `plrp runs import` and `plrp runs list|show` on the cnn4 fixture explained with the workflow's
// arguments plus --motifs bundled: once whole, and in two shards. The merge must equal the single
// run (motif hits and ranking too), an import must be all or nothing and happen once per content,
// and an imported run must show the out.json's motif ranking.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readOutJson, type OutJson } from '../../../src-main/engine/report/out-json';
import { buildReportHtml } from '../../../src-main/engine/report/report-html';
import { collectReportInput } from '../../../src-main/services/report/collect-report-input';
import { importOutJson } from '../../../src-main/services/report/import-out-json';
import { runToOutJson } from '../../../src-main/services/report/run-to-out-json';
import { LocalRunService } from '../../../src-main/services/run-service';
import { FIXTURE_DIR, relativeL2 } from '../../unit/engine/lrp/fixture-helpers';
import { runCli } from '../../unit/cli/cli-helpers';

const MODEL = join(FIXTURE_DIR, 'cnn4.onnx');
const FASTA = join(FIXTURE_DIR, 'cnn4.fa');
const ARGS = ['--method', 'plrp-lambda', '--p', '0.3', '--motifs', 'bundled', '--threads', '1'];

let dir = '';
const path = (name: string): string => join(dir, name);
const json = (name: string): Record<string, unknown> & OutJson => JSON.parse(readFileSync(path(name), 'utf8')) as Record<string, unknown> & OutJson;

async function explain(fasta: string, out: string): Promise<void> {
  const r = await runCli(['explain', '--model', MODEL, '--fasta', fasta, '--out', path(out), ...ARGS]);
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plrp-import-'));
  const records = readFileSync(FASTA, 'utf8').split(/(?=^>)/m);
  expect(records).toHaveLength(4);
  writeFileSync(path('s0.fa'), records.slice(0, 2).join(''));
  writeFileSync(path('s1.fa'), records.slice(2).join(''));
  await explain(FASTA, 'single.json');
  await explain(path('s0.fa'), 's0.json');
  await explain(path('s1.fa'), 's1.json');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The report's motif ranking rows without their rank, sorted: equal captured relevance may tie in either order. */
function reportRanking(doc: OutJson): Promise<string[]> {
  return collectReportInput(doc, {}).then((input) => {
    const section = /<section id="motifs">(.*?)<\/section>/s.exec(buildReportHtml(input).html)![1];
    return [...section.matchAll(/<tr><td>\d+<\/td>(.*?)<\/tr>/g)].map((m) => m[1]).sort();
  });
}

describe('plrp runs import: merging shards', () => {
  it('merges two shards into the single-process result, motif hits and ranking included', async () => {
    const r = await runCli(['runs', 'import', path('s0.json'), path('s1.json'), '--fasta', FASTA, '--write-merged', path('merged.json'), '--no-store']);
    expect(r.code, r.stderr).toBe(0);
    const single = json('single.json');
    const merged = json('merged.json');
    expect(Object.keys(merged)).toEqual(Object.keys(single));
    for (let i = 0; i < single.sequences.length; i++) {
      const id = single.explanations[0].id;
      expect(relativeL2(merged.sequences[i].relevance[id].flat(), single.sequences[i].relevance[id].flat())).toBeLessThan(1e-6);
    }
    const motifs = single.motifs as { hits: unknown[]; ranking: Record<string, unknown[]> };
    expect(motifs.hits.length).toBeGreaterThan(0);
    expect(Object.values(motifs.ranking)[0].length).toBeGreaterThan(0);
    expect(merged.motifs).toEqual(single.motifs);
    expect(merged.seqlets).toEqual(single.seqlets);
  });

  it('keeps the motifs when one file is re-annotated against its FASTA', async () => {
    const r = await runCli(['runs', 'import', path('s0.json'), '--fasta', path('s0.fa'), '--write-merged', path('one.json'), '--no-store']);
    expect(r.code, r.stderr).toBe(0);
    expect(json('one.json').motifs).toEqual(json('s0.json').motifs);
  });

  it('refuses --no-store without --write-merged instead of doing nothing', async () => {
    const cache = path('unused.sqlite');
    const r = await runCli(['runs', 'import', path('single.json'), '--no-store', '--cache', cache]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--no-store without --write-merged');
    expect(existsSync(cache)).toBe(false);
  });
});

describe('plrp runs import: into the run cache', () => {
  it('stores the same content once: a second import names the first run and exits 0', async () => {
    const cache = path('twice.sqlite');
    const first = await runCli(['runs', 'import', path('single.json'), '--cache', cache, '--label', 'multi cnn32']);
    expect(first.code, first.stderr).toBe(0);
    const runId = first.stdout.trim();
    const again = await runCli(['runs', 'import', path('single.json'), '--cache', cache]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(runId);
    expect(again.stderr).toContain(`already holds ${path('single.json')} as run ${runId} (multi cnn32`);
    // The merge of the shards is the same content as the single run.
    const shards = await runCli(['runs', 'import', path('s0.json'), path('s1.json'), '--fasta', FASTA, '--cache', cache]);
    expect(shards.stdout.trim()).toBe(runId);
    const list = await runCli(['runs', 'list', '--cache', cache]);
    expect(list.stdout.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${runId}\tdone\t.*\t4/4\tplrp-lambda-p0.3\tmulti cnn32$`))]);
  });

  it('leaves no run behind when an import fails midway, and a retry stores it whole', async () => {
    const doc = await readOutJson(path('single.json'));
    const svc = new LocalRunService({ cachePath: path('atomic.sqlite') });
    try {
      const ranks = (): number => svc.cache.db.prepare('SELECT count(*) FROM motif_ranks').pluck().get() as number;
      // Fails while the results are written (one sequence per batch, the second batch fails).
      const writeBatch = svc.cache.writeBatch.bind(svc.cache);
      const write = vi.spyOn(svc.cache, 'writeBatch').mockImplementationOnce(writeBatch).mockImplementationOnce(() => {
        throw new Error('disk full');
      });
      await expect(importOutJson(svc.cache, doc, { source: 'single.json', batchSequences: 1 })).rejects.toThrow('disk full');
      expect(await svc.list()).toEqual([]);
      write.mockRestore();
      // Fails inside the transaction that stores the run and its annotations.
      const mark = vi.spyOn(svc.cache, 'markExplanationCached').mockImplementation(() => {
        throw new Error('killed');
      });
      await expect(importOutJson(svc.cache, doc, { source: 'single.json' })).rejects.toThrow('killed');
      expect(await svc.list()).toEqual([]);
      expect(ranks()).toBe(0);
      mark.mockRestore();
      const { runId, reused } = await importOutJson(svc.cache, doc, { source: 'single.json' });
      expect(reused).toBe(false);
      expect((await svc.list()).map((r) => [r.id, r.status, r.sequencesDone])).toEqual([[runId, 'done', 4]]);
      expect(ranks()).toBeGreaterThan(0);
    } finally {
      await svc.close();
    }
  });

  it('fills the motif ranking, hits and seqlets: the imported run reports the motifs the out.json does', async () => {
    const doc = await readOutJson(path('single.json'));
    const svc = new LocalRunService({ cachePath: path('ranks.sqlite') });
    try {
      const { runId } = await importOutJson(svc.cache, doc, { source: 'single.json' });
      const id = doc.explanations[0].id;
      const motifs = doc.motifs as unknown as { hits: { motif_id: string; sequence: number; start: number; relevance: Record<string, { sum: number }> }[]; ranking: Record<string, { motifId: string }[]> };
      const ranking = await svc.motifRanking(runId, id);
      expect(ranking.map((r) => r.motifId).sort()).toEqual(motifs.ranking[id].map((r) => r.motifId).sort());
      expect(ranking.every((r) => r.sequences >= 1 && r.sequences <= 4)).toBe(true);
      const hits = await svc.motifHits(runId);
      expect(hits).toHaveLength(motifs.hits.length);
      const key = (h: { motifId: string; sequenceIndex: number; startBp: number }): string => `${h.sequenceIndex}:${h.startBp}:${h.motifId}`;
      const sums = new Map(motifs.hits.map((h) => [key({ motifId: h.motif_id, sequenceIndex: h.sequence, startBp: h.start }), h.relevance[id].sum]));
      for (const h of hits) expect(h.relevance[id]).toBe(sums.get(key(h)));
      expect((await svc.seqlets(runId)).length).toBe((doc.seqlets?.[id] ?? []).length);
      expect(await reportRanking(await runToOutJson(svc, runId))).toEqual(await reportRanking(doc));
    } finally {
      await svc.close();
    }
  });
});

describe('plrp runs list|show|export|delete', () => {
  it('print the label and take a unique prefix of a run id', async () => {
    const cache = path('prefix.sqlite');
    const runId = (await runCli(['runs', 'import', path('s0.json'), '--cache', cache, '--label', 'multi cnn32'])).stdout.trim();
    const show = await runCli(['runs', 'show', runId.slice(0, 6).toUpperCase(), '--cache', cache]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout.split('\n')[0]).toMatch(new RegExp(`^${runId}\tdone\t[-0-9: ]+\tcnn4.onnx\ts0.fa\t2/2\tplrp-lambda-p0.3\tmulti cnn32$`));
    const tooShort = await runCli(['runs', 'show', runId.slice(0, 3), '--cache', cache]);
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr).toContain('at least 4 characters');
    const out = path('export');
    expect((await runCli(['runs', 'export', runId.slice(0, 8), '--out', out, '--cache', cache])).code).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect((await runCli(['runs', 'delete', runId.slice(0, 8), '--cache', cache])).code).toBe(0);
    expect((await runCli(['runs', 'list', '--cache', cache])).stdout).toBe('');
  });

  it('name import and cache in the help of plrp runs', async () => {
    const help = (await runCli(['runs', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('list, show, export, import and delete cached runs; show the cache size or prune it');
    expect(help).toContain('unique prefix of at least 4 characters');
  });
});

describe('plrp runs import: tiled records', () => {
  it('says a tiled record\'s logit is a window mean in runs show, as for a run computed here', async () => {
    const fasta = path('tiled.fa');
    writeFileSync(fasta, `>long\n${'ACGGTCAT'.repeat(125)}\n>one\n${'ACGT'.repeat(50)}\n`);
    const r = await runCli(['explain', '--model', MODEL, '--fasta', fasta, '--out', path('tiled.json')]);
    expect(r.code, r.stderr).toBe(0);
    const cache = path('tiled.sqlite');
    const imported = await runCli(['runs', 'import', path('tiled.json'), '--cache', cache]);
    expect(imported.code, imported.stderr).toBe(0);
    const show = await runCli(['runs', 'show', imported.stdout.trim(), '--cache', cache]);
    const line = (name: string) => show.stdout.split('\n').find((l) => l.split('\t')[1] === name)!;
    expect(line('long')).toMatch(/\tlogit [-\d.e]+ \(mean over its model windows; Σ R sums over the record\)\t/);
    expect(line('one')).not.toContain('mean over');
  });
});

describe('plrp runs import: warnings', () => {
  it('keeps the out.json\'s sequence warnings, so the app and the report show them for the imported run', async () => {
    const fasta = path('short.fa');
    writeFileSync(fasta, `>tiny\nACGTACGTAC\n${readFileSync(path('s0.fa'), 'utf8')}`);
    await explain(fasta, 'short.json');
    const doc = await readOutJson(path('short.json'));
    const expected = doc.sequences[0].warnings ?? [];
    expect(expected.length).toBeGreaterThan(0);
    const svc = new LocalRunService({ cachePath: path('warnings.sqlite') });
    try {
      const { runId } = await importOutJson(svc.cache, doc, { source: 'short.json' });
      const rows = (await svc.sequences({ runId, limit: 10 })).rows;
      expect(rows[0].warnings).toEqual(expected);
      expect(rows.slice(1).every((r) => r.warnings.length === (doc.sequences[r.index].warnings ?? []).length)).toBe(true);
    } finally {
      await svc.close();
    }
  });
});
