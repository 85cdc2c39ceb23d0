// The same region run made twice, by `plrp explain --export` and by the run service the app uses,
// exported both ways: the app's motif hits TSV must be `explain --export`'s hits-relevance.tsv
// line for line (same columns, same number format: one writer), and the names the user gave the
// regions must reach every file the same way — a typed locus with thousands separators
// (`r1:1,001-1,200`) gives the file name `r1_1001-1200`, and a BED name with a space
// (`peak one`) is `peak_one` in every table, track and file name.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRunService } from '../../../src-main/services/run-service';
import { exportRunLines } from '../../../src-main/server/api/export-run';
import { formatG } from '../../../src-main/engine/export/format-number';
import { exportRun } from '../../../src-main/services/export-run';
import { runCli } from '../../unit/cli/cli-helpers';
import { MODEL, tempDir, writeRandomFasta } from './service-fixtures';

let t: ReturnType<typeof tempDir>;
let svc: LocalRunService;
let cliDir = '';
let runId = '';
const TYPED = 'r1:1,001-1,200';

const text = async (gen: AsyncGenerator<string | Uint8Array>): Promise<string> => {
  let s = '';
  for await (const chunk of gen) s += chunk.toString();
  return s;
};
const tableLines = (s: string): string[] => s.trimEnd().split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('track'));

beforeAll(async () => {
  t = tempDir();
  const genome = join(t.dir, 'genome.fa');
  writeRandomFasta(genome, 2, 1500, 23); // r0, r1
  const bed = join(t.dir, 'peaks.bed');
  // A name with a space in the 4th column, which a tab-separated BED allows.
  writeFileSync(bed, 'r0\t100\t350\tpeak one\n');
  cliDir = join(t.dir, 'cli-export');
  const r = await runCli(['explain', '--model', MODEL, '--fasta', genome, '--region', TYPED, '--regions', bed, '--threads', '1', '--export', cliDir, '--out', join(t.dir, 'out.json')]);
  expect(r.code, r.stderr).toBe(0);
  svc = new LocalRunService({ cachePath: join(t.dir, 'cache.sqlite'), threads: 1 });
  runId = (await svc.start({
    model: { kind: 'path', path: MODEL },
    fasta: { kind: 'path', path: genome },
    regions: [TYPED],
    regionsBed: { kind: 'path', path: bed },
    explanations: [{ id: 'lrp', composite: 'epsilon-plus' }],
  })).id;
  expect((await svc.whenSettled(runId)).status).toBe('done');
}, 120_000);
afterAll(async () => {
  await svc.close();
  t.cleanup();
});

describe('the app\'s motif hits TSV and explain --export\'s hits-relevance.tsv of the same run', () => {
  it('have the same columns and the same lines, numbers formatted alike', async () => {
    const [cliHeader, ...cliLines] = tableLines(readFileSync(join(cliDir, 'hits-relevance.tsv'), 'utf8'));
    const [appHeader, ...appLines] = tableLines(await text(exportRunLines(svc, runId, 'motifs-tsv')));
    expect(appHeader.split('\t')).toEqual(['motif_id', 'motif_alt_id', 'sequence_name', 'start', 'stop', 'strand', 'score', 'p-value', 'q-value', 'matched_sequence', 'lrp_sum', 'lrp_mean', 'region']);
    expect(appHeader).toBe(cliHeader);
    expect(appLines.length).toBeGreaterThan(0);
    // The app lists hits by sequence and position, explain by p-value: the same lines, byte for
    // byte, but for the q-value, which a run takes over each sequence's windows and explain over
    // the whole input's (engine/pool/annotate-batch.ts; said in the README).
    const Q = 8;
    const withoutQ = (lines: string[]): string[] => lines.map((l) => l.split('\t').filter((_, i) => i !== Q).join('\t')).sort();
    expect(withoutQ(appLines)).toEqual(withoutQ(cliLines));
    // %g numbers (6 significant digits; p- and q-values 3), as format-number writes them, never a
    // float32's 17-digit double (0.30000001192092896).
    for (const cells of appLines.map((l) => l.split('\t'))) {
      for (const i of [6, 10, 11]) expect(cells[i]).toBe(formatG(Number(cells[i]), 6));
      for (const i of [7, 8]) expect(cells[i]).toBe(formatG(Number(cells[i]), 3));
    }
  });
});

describe('region names in the files of a run', () => {
  it('drop a typed locus\'s thousands separators in file names, as the same locus typed without them', () => {
    // Regions of different lengths: one relevance .npy per region, named after it.
    expect(existsSync(join(cliDir, 'npy', 'r1_1001-1200.lrp.npy'))).toBe(true);
    expect(existsSync(join(cliDir, 'npy', 'r1_1_001-1_200.lrp.npy'))).toBe(false);
  });

  it('turn a BED name\'s space into _ everywhere: sequence table, hit tables, seqlets BED, file names', async () => {
    expect((await svc.sequences({ runId })).rows.map((r) => r.name)).toEqual([TYPED, 'peak_one']);
    const regionColumn = (lines: string[]): Set<string> => new Set(lines.slice(1).map((l) => l.split('\t').at(-1)!));
    expect(regionColumn(tableLines(readFileSync(join(cliDir, 'hits-relevance.tsv'), 'utf8')))).toEqual(new Set([TYPED, 'peak_one']));
    expect(regionColumn(tableLines(readFileSync(join(cliDir, 'hits.tsv'), 'utf8')))).toEqual(new Set([TYPED, 'peak_one']));
    expect(regionColumn(tableLines(await text(exportRunLines(svc, runId, 'motifs-tsv'))))).toEqual(new Set([TYPED, 'peak_one']));
    expect(tableLines(await text(exportRunLines(svc, runId, 'tsv'))).slice(1).map((l) => l.split('\t')[1])).toEqual([TYPED, 'peak_one']);
    const seqletRegions = new Set(tableLines(readFileSync(join(cliDir, 'seqlets-lrp.bed'), 'utf8')).map((l) => /^(.+):(pos|neg)/.exec(l.split('\t')[3])![1]));
    expect(seqletRegions.has('peak_one')).toBe(true);
    expect(existsSync(join(cliDir, 'npy', 'peak_one.lrp.npy'))).toBe(true);
    const doc = JSON.parse(readFileSync(join(t.dir, 'out.json'), 'utf8')) as { sequences: { name: string }[] };
    expect(doc.sequences.map((s) => s.name)).toEqual([TYPED, 'peak_one']);
  });
});

describe('the app\'s Table (TSV) and runs export\'s sequences.tsv of the same run', () => {
  it('write every column they share with the same cells (numbers as %g, not a float32\'s 17 digits)', async () => {
    const out = join(t.dir, 'runs-export');
    await exportRun(svc, runId, out);
    const table = (lines: string[]) => {
      const [header, ...rows] = lines.map((l) => l.split('\t'));
      return { header, rows };
    };
    const cli = table(tableLines(readFileSync(join(out, 'sequences.tsv'), 'utf8')));
    const app = table(tableLines(await text(exportRunLines(svc, runId, 'tsv'))));
    const shared = cli.header.filter((c) => app.header.includes(c));
    expect(shared).toEqual(expect.arrayContaining(['name', 'logit', 'lrp_sum', 'warnings']));
    for (const column of shared) {
      expect(app.rows.map((r) => r[app.header.indexOf(column)]), column).toEqual(cli.rows.map((r) => r[cli.header.indexOf(column)]));
    }
    for (const r of app.rows) expect(r[app.header.indexOf('lrp_sum')]).toBe(formatG(Number(r[app.header.indexOf('lrp_sum')])));
  });
});
