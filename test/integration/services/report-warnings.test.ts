// A report shows the warnings the app shows ("⚠ N sequences have warnings"), from a cached run (the
// cache's result_warnings) and from an out.json (each sequence's `warnings`), before the sections
// whose numbers they qualify; a run without warnings has no Warnings section at all.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutJson } from '../../../src-main/engine/report/out-json';
import { buildReportHtml } from '../../../src-main/engine/report/report-html';
import { collectReportInput } from '../../../src-main/services/report/collect-report-input';
import { buildRunReport } from '../../../src-main/services/report/run-report';
import { runToOutJson } from '../../../src-main/services/report/run-to-out-json';
import { MODEL, serviceInTempDir, writeRandomFasta } from './service-fixtures';

const service = serviceInTempDir();
let warnedRun = '';
let cleanRun = '';

const warningsOf = (html: string): string | undefined => /<section id="warnings">.*?<\/section>/s.exec(html)?.[0];

async function run(fasta: string): Promise<string> {
  const id = (await service.svc.start({ model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, scanMotifs: false, explanations: [{ id: 'lrp', composite: 'epsilon-plus' }] })).id;
  expect((await service.svc.whenSettled(id)).status).toBe('done');
  return id;
}

beforeAll(async () => {
  // The model takes 200 bp: r1 (10 bp) is mostly padding.
  const short = join(service.dir, 'short.fa');
  writeRandomFasta(short, 3, (i) => (i === 1 ? 10 : 200));
  warnedRun = await run(short);
  const clean = join(service.dir, 'clean.fa');
  writeRandomFasta(clean, 3, 200, 11);
  cleanRun = await run(clean);
}, 120_000);

describe('the Warnings section of a report', () => {
  it('of a cached run lists each warned sequence with its warning, after the header and before the inputs', async () => {
    const html = (await buildRunReport(service.svc, warnedRun, 'html')).toString('utf8');
    const section = warningsOf(html)!;
    expect(section).toContain('⚠ 1 sequence has a warning that may make its results mislead.');
    expect(section).toMatch(/<td class="name"><span class="nowrap">r1<\/span><\/td><td><div class="warning">sequence r1 is 10 bp, shorter than the model&#39;s 200-bp input/);
    expect(section).not.toContain('>r0<');
    expect(html.indexOf('</header>')).toBeLessThan(html.indexOf('<section id="warnings">'));
    expect(html.indexOf('<section id="warnings">')).toBeLessThan(html.indexOf('<section id="inputs">'));
  });

  it('of an out.json reads each sequence\'s warnings', async () => {
    const file = join(service.dir, 'out.json');
    writeFileSync(file, JSON.stringify(await runToOutJson(service.svc, warnedRun)));
    const doc = await readOutJson(file);
    expect(doc.sequences.map((s) => s.warnings?.length ?? 0)).toEqual([0, 1, 0]);
    const html = buildReportHtml(await collectReportInput(doc, { source: { outJson: file } })).html;
    expect(warningsOf(html)).toContain('sequence r1 is 10 bp');
  });

  it('is left out when no sequence has a warning', async () => {
    const html = (await buildRunReport(service.svc, cleanRun, 'html')).toString('utf8');
    expect(warningsOf(html)).toBeUndefined();
    expect(html).not.toContain('Warnings');
  });
});
