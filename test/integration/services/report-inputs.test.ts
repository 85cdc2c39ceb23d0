// A report on a cached run draws the letters the run explained (from the cache), not the FASTA as
// it is now, and says when the FASTA changed since the run; a report on an out.json, which records
// no checksum of its FASTA, says that it cannot check it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../src-main/engine/report/report-html';
import { cachedRunInput } from '../../../src-main/services/report/cached-run-input';
import { collectReportInput } from '../../../src-main/services/report/collect-report-input';
import { buildRunReport } from '../../../src-main/services/report/run-report';
import { runToOutJson } from '../../../src-main/services/report/run-to-out-json';
import { MODEL, serviceInTempDir, writeRandomFasta } from './service-fixtures';

const service = serviceInTempDir();
let runId = '';
let fasta = '';
let explained = new Map<string, string>();

const fastaNote = (html: string): string => /<tr><td>FASTA<\/td>.*?<\/tr>/s.exec(html)![0];

beforeAll(async () => {
  fasta = join(service.dir, 'in.fa');
  writeRandomFasta(fasta, 6, 200);
  const lines = readFileSync(fasta, 'utf8').trimEnd().split('\n');
  explained = new Map(lines.flatMap((l, i) => (l.startsWith('>') ? [[l.slice(1), lines[i + 1]] as [string, string]] : [])));
  runId = (await service.svc.start({ model: { kind: 'path', path: MODEL }, fasta: { kind: 'path', path: fasta }, scanMotifs: false, explanations: [{ id: 'lrp', composite: 'epsilon-plus' }] })).id;
  expect((await service.svc.whenSettled(runId)).status).toBe('done');
}, 120_000);

describe('the FASTA of a report', () => {
  it('matches the run while unchanged, and after its lines were re-wrapped (the same names and letters)', async () => {
    const html = (await buildRunReport(service.svc, runId, 'html')).toString('utf8');
    // Beside the file's sha256 now, said to be no checksum of the run's input, which is named too.
    expect(fastaNote(html)).toContain(`file now: this sha256 is of the whole file as it is today, not the run&#39;s input checksum; the names and letters the run explained still match (run input checksum ${(await service.svc.get(runId)).inputSha256}`);
    expect(html).not.toContain('class="notice"');
    const original = readFileSync(fasta, 'utf8');
    try {
      writeFileSync(fasta, original.replace(/^[ACGT]+$/gm, (s) => s.replace(/.{60}/g, '$&\n').trimEnd()));
      expect(fastaNote((await buildRunReport(service.svc, runId, 'html')).toString('utf8'))).toContain('the names and letters the run explained still match');
    } finally {
      writeFileSync(fasta, original);
    }
  });

  it('is the run\'s own letters from the cache after the FASTA was rewritten, and the report says it changed', async () => {
    const original = readFileSync(fasta, 'utf8');
    try {
      // Same names and lengths, different letters: only the checksum of the letters can tell.
      writeFileSync(fasta, original.replace(/^[ACGT]+$/gm, (s) => 'T'.repeat(s.length)));
      const doc = await runToOutJson(service.svc, runId);
      const input = await collectReportInput(doc, { source: { runId }, run: cachedRunInput(service.svc.cache, runId) });
      expect([...input.letters!]).toEqual(doc.sequences.slice(0, 5).map((s) => [s.name, explained.get(s.name)]));
      const html = buildReportHtml(input).html;
      expect(fastaNote(html)).toContain('CHANGED since the run');
      expect(html).toContain(`<p class="notice">The FASTA ${fasta} changed since the run`);
      // The drawn letters are the explained ones (a rewritten file would give only T).
      expect(html).toMatch(/font-size="100" font-weight="bold" fill="[^"]+">[ACG]<\/text>/);
    } finally {
      writeFileSync(fasta, original);
    }
  });

  it('from an out.json, is read as it is now and said to be unchecked against the run', async () => {
    const doc = await runToOutJson(service.svc, runId);
    const input = await collectReportInput(doc, { source: { outJson: 'out.json' } });
    expect(input.letters?.get(doc.sequences[0].name)).toBe(explained.get(doc.sequences[0].name));
    expect(fastaNote(buildReportHtml(input).html)).toContain('out.json records no checksum of its FASTA, so it cannot be checked against the run');
  });

  // Last: it turns the run into a cancelled one.
  it('of a cancelled run, reports on the sequences it computed and says so under the title and in each summary', async () => {
    for (const e of service.svc.cache.runExplanations(runId)) service.svc.cache.db.prepare('DELETE FROM results WHERE expl_key = ? AND idx >= 4').run(e.explKey);
    service.svc.cache.updateRun(runId, { status: 'cancelled' });
    const doc = await runToOutJson(service.svc, runId);
    expect(doc.sequences.map((s) => s.target >= 0)).toEqual([true, true, true, true]);
    const html = (await buildRunReport(service.svc, runId, 'html')).toString('utf8');
    expect(/<header>.*?<\/header>/s.exec(html)![0]).toContain('<p class="notice">partial: 4 of 6 sequences computed (cancelled)</p>');
    for (const id of ['predictions', 'metrics', 'diagnostics']) {
      expect(new RegExp(`<section id="${id}">.*?</section>`, 's').exec(html)![0]).toContain('Over the 4 computed sequences of 6 (the run is cancelled).');
    }
  });
});

