// `plrp runs export`: a cached run as sequences.tsv, one bedGraph per explanation and a manifest,
// streamed sequence by sequence with progress, and cancellable without leaving half files behind.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportRun } from '../../../src-main/services/export-run';
import { exportFileName, exportRunLines } from '../../../src-main/server/api/export-run';
import { MODEL, serviceInTempDir, writeRandomFasta } from './service-fixtures';
import { runCli } from '../../unit/cli/cli-helpers';

const N = 450;
const service = serviceInTempDir();
let runId = '';

beforeAll(async () => {
  const fasta = join(service.dir, 'in.fa');
  writeRandomFasta(fasta, N, 200);
  runId = (await service.svc.start({
    model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, scanMotifs: false,
    explanations: [{ id: 'lrp', composite: 'epsilon-plus' }, { id: 'plrp', composite: 'epsilon-plus', method: 'plrp-lambda', p: 0.3 }],
  })).id;
  expect((await service.svc.whenSettled(runId)).status).toBe('done');
}, 120_000);

describe('exportRun', () => {
  it('writes every sequence\'s row and per-base relevance, reporting progress page by page up to the total', async () => {
    const out = join(service.dir, 'export');
    const progress: number[] = [];
    const written = await exportRun(service.svc, runId, out, { onProgress: (done, total) => { expect(total).toBe(N); progress.push(done); } });
    expect(written.map((f) => f.slice(out.length + 1))).toEqual(['lrp.bedGraph', 'plrp.bedGraph', 'sequences.tsv', 'manifest.json']);
    expect(progress.at(-1)).toBe(N);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(readFileSync(join(out, 'sequences.tsv'), 'utf8').trimEnd().split('\n')).toHaveLength(N + 1);
    // A track line, then one line per base of every sequence.
    expect(readFileSync(join(out, 'plrp.bedGraph'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + N * 200);
    // Named as plrp explain --export names it, so tracks from either load side by side in IGV.
    expect(readFileSync(join(out, 'plrp.bedGraph'), 'utf8').split('\n')[0]).toMatch(/^track type=bedGraph name="relevance plrp" description="PLRP Studio [^"]+" visibility=full autoScale=on$/);
  });

  it('gives the app\'s bedGraph of one explanation, byte for byte the file runs export writes for it, and refuses one without an explanation', async () => {
    const out = join(service.dir, 'for-the-app');
    await exportRun(service.svc, runId, out);
    let app = '';
    for await (const chunk of exportRunLines(service.svc, runId, 'bedgraph', 'plrp')) app += chunk as string;
    // One track, not one per sequence × explanation: IGV loads one track, and no base has two values.
    expect(app.split('\n').filter((l) => l.startsWith('track')).length).toBe(1);
    expect(app).toBe(readFileSync(join(out, 'plrp.bedGraph'), 'utf8'));
    expect(exportFileName(await service.svc.get(runId), 'bedgraph', 'plrp')).toMatch(/\.plrp\.bedGraph$/);
    const drain = async (id?: string) => { for await (const _ of exportRunLines(service.svc, runId, 'bedgraph', id)) { /* drain */ } };
    await expect(drain()).rejects.toMatchObject({ code: 'USAGE', message: 'a relevance bedGraph holds one explanation: choose one of lrp, plrp' });
    await expect(drain('nope')).rejects.toMatchObject({ code: 'USAGE', message: `run ${runId} has no explanation "nope": it has lrp, plrp` });
  });

  it('stops when cancelled and leaves neither final nor partial files', async () => {
    const out = join(service.dir, 'cancelled');
    const controller = new AbortController();
    await expect(exportRun(service.svc, runId, out, { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('says an existing file given as the folder is a usage error naming it (exit 2), not an internal one', async () => {
    const file = join(service.dir, 'a-file');
    writeFileSync(file, 'mine');
    await expect(exportRun(service.svc, runId, file)).rejects.toMatchObject({ code: 'USAGE' });
    const r = await runCli(['runs', 'export', runId, '--out', file, '--cache', join(service.dir, 'cache.sqlite')]);
    expect([r.code, r.stderr]).toEqual([2, `plrp: ${file} is a file, not a folder: give a folder to write the export into\n`]);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  // Last: it turns the run into a cancelled one.
  it('exports only the sequences a cancelled run computed, says so on stderr and in the manifest', async () => {
    const computed = 250;
    for (const e of service.svc.cache.runExplanations(runId)) service.svc.cache.db.prepare('DELETE FROM results WHERE expl_key = ? AND idx >= ?').run(e.explKey, computed);
    service.svc.cache.updateRun(runId, { status: 'cancelled' });
    const out = join(service.dir, 'partial');
    const r = await runCli(['runs', 'export', runId, '--out', out, '--cache', join(service.dir, 'cache.sqlite')]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`plrp: run ${runId} is cancelled: exporting the 250 of 450 sequences it computed`);
    const rows = readFileSync(join(out, 'sequences.tsv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
    expect(rows.map((c) => Number(c[0]))).toEqual(Array.from({ length: computed }, (_, i) => i));
    expect(rows.every((c) => c[3] !== '-1' && !c.includes('nan') && !c.includes('NA'))).toBe(true);
    expect(readFileSync(join(out, 'plrp.bedGraph'), 'utf8').trimEnd().split('\n')).toHaveLength(1 + computed * 200);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { exported: unknown };
    expect(manifest.exported).toEqual({ sequences: computed, of: N, runStatus: 'cancelled', partial: true });
  });
});
