// One explanation order everywhere a run's explanations are listed: plain LRP, then each PLRP method
// by increasing p (the Run view's tracks and the Dashboard), whatever order the run stored them in.
// Here the run is configured as a scrambled p sweep, as the demo's is (lrp, p0.5, m-p0.5, p0.1, …).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportRun } from '../../../src-main/services/export-run';
import { exportRunLines } from '../../../src-main/server/api/export-run';
import { inExplanationOrder } from '../../../src-main/shared/explanation-order';
import { MODEL, serviceInTempDir, writeRandomFasta } from './service-fixtures';
import { runCli } from '../../unit/cli/cli-helpers';

const service = serviceInTempDir();
let runId = '';
const ORDERED = ['lrp', 'l-0.1', 'l-0.5', 'l-0.9', 'm-0.5'];

beforeAll(async () => {
  const fasta = join(service.dir, 'in.fa');
  writeRandomFasta(fasta, 3, 200);
  const lambda = (p: number) => ({ id: `l-${p}`, composite: 'epsilon-plus' as const, method: 'plrp-lambda' as const, p });
  runId = (await service.svc.start({
    model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, scanMotifs: true, metrics: ['gini'],
    explanations: [{ id: 'lrp', composite: 'epsilon-plus' }, lambda(0.5), { id: 'm-0.5', composite: 'epsilon-plus', method: 'plrp-m', p: 0.5 }, lambda(0.9), lambda(0.1)],
  })).id;
  expect((await service.svc.whenSettled(runId)).status).toBe('done');
}, 120_000);

const text = async (gen: AsyncGenerator<string | Uint8Array>): Promise<string> => {
  let s = '';
  for await (const chunk of gen) s += chunk.toString();
  return s;
};
/** The explanation ids in the order a header names them (`<id>_sum`). */
const sumColumns = (header: string): string[] => header.split('\t').filter((c) => c.endsWith('_sum')).map((c) => c.slice(0, -4));

describe('the explanation order', () => {
  it('puts LRP first, then each PLRP method in the order the run first names it, by increasing p; a p per pruning point last of its method', () => {
    const order = inExplanationOrder([
      { id: 'm', method: 'plrp-m', p: 0.3 }, { id: 'l5', method: 'plrp-lambda', p: 0.5 }, { id: 'lrp', method: 'lrp', p: 0 },
      { id: 'lpp', method: 'plrp-lambda', p: { '*': 0.2 } }, { id: 'l1', method: 'plrp-lambda', p: 0.1 },
    ], (e) => e);
    expect(order.map((e) => e.id)).toEqual(['lrp', 'm', 'l1', 'l5', 'lpp']);
  });

  it('orders the columns of runs export\'s sequences.tsv and the app\'s table and motif exports', async () => {
    const out = join(service.dir, 'export');
    await exportRun(service.svc, runId, out);
    expect(sumColumns(readFileSync(join(out, 'sequences.tsv'), 'utf8').split('\n')[0])).toEqual(ORDERED);
    expect(sumColumns((await text(exportRunLines(service.svc, runId, 'tsv'))).split('\n')[0])).toEqual(ORDERED);
    expect(sumColumns((await text(exportRunLines(service.svc, runId, 'motifs-tsv'))).split('\n')[0])).toEqual(ORDERED);
  });

  it('orders runs show\'s options, metric means and each sequence\'s numbers', async () => {
    const r = await runCli(['runs', 'show', runId, '--cache', join(service.dir, 'cache.sqlite')]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^ {2}[\w.-]+: \{/.test(l)).map((l) => l.trim().split(':')[0])).toEqual(ORDERED);
    expect(lines.filter((l) => /^ {4}[\w.-]+: gini/.test(l)).map((l) => l.trim().split(':')[0])).toEqual(ORDERED);
    const sequence = lines.find((l) => l.startsWith('  0\t'))!;
    expect([...sequence.matchAll(/([\w.-]+)=/g)].map((m) => m[1])).toEqual(ORDERED);
  });

  it('orders every table of the report', async () => {
    const html = (await service.svc.report(runId, 'html')).toString();
    const options = html.slice(html.indexOf('<section id="options">'), html.indexOf('<section id="predictions">'));
    expect([...options.matchAll(/<tr><td[^>]*>(?:<[^>]+>)*([\w.-]+)</g)].map((m) => m[1])).toEqual(ORDERED);
    const predictions = html.slice(html.indexOf('<section id="predictions">'), html.indexOf('<section id="relevance">'));
    const heads = [...predictions.matchAll(/Σ R ([\w.-]+)/g)].map((m) => m[1]);
    expect(heads).toEqual(ORDERED);
  });
});
