// The app's report (Report button: buildRunReport) of a multitask run with a ground-truth BED
// uploaded into a temporary folder and no motif scan: outputs go by their manifest names, the
// figures draw the ground truth each explanation is scored against, the scoring note informs
// (no error styling) and names the BED by its file name, the hints name what the app offers, and
// nothing speaks of motifs that were never scanned.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRunReport } from '../../../src-main/services/report/run-report';
import { serviceInTempDir } from './service-fixtures';

const resource = (p: string) => fileURLToPath(new URL(`../../../resources/${p}`, import.meta.url));
const LABELS = ['ctcf', 'cebpb', 'spi1', 'foxa1'];
const service = serviceInTempDir();
let html = '';
let runId = '';
const sectionOf = (id: string): string => new RegExp(`<section id="${id}">.*?</section>`, 's').exec(html)![0];

beforeAll(async () => {
  // As browser mode stores an upload: <uploads dir>/<random>/<the file's own name>.
  const upload = join(service.dir, 'plrp-uploads-x1', '3f9a0c');
  mkdirSync(upload, { recursive: true });
  copyFileSync(resource('demo/multitask.bed'), join(upload, 'multitask.bed'));
  const started = await service.svc.start({
    model: { kind: 'path', path: resource('models/deep-multitask.onnx') }, fasta: { kind: 'path', path: resource('demo/multitask.fa') },
    groundTruthBed: { kind: 'path', path: join(upload, 'multitask.bed') }, scanMotifs: false,
    explanations: [{ id: 'ep', composite: 'epsilon-plus' }], metrics: ['rma'],
  });
  runId = started.id;
  expect((await service.svc.whenSettled(runId)).status).toBe('done');
  html = (await buildRunReport(service.svc, runId, 'html')).toString('utf8');
}, 120_000);

describe('the app\'s report of a multitask run with an uploaded ground truth', () => {
  it('names the outputs: model card, target column and figure titles', async () => {
    const rows = (await service.svc.sequences({ runId, limit: 5 })).rows;
    expect(sectionOf('model')).toContain(`4 outputs (${LABELS.join(', ')})`);
    for (const r of rows) expect(sectionOf('predictions')).toContain(`<td>${LABELS[r.target]} (output ${r.target})</td>`);
    expect(sectionOf('relevance')).toContain(`<title>${rows[0].name} · ep · target ${LABELS[rows[0].target]} (output ${rows[0].target})</title>`);
  });

  it('draws the ground truth each figure\'s explanation is scored against', async () => {
    const rows = (await service.svc.sequences({ runId, limit: 5 })).rows;
    const figures = sectionOf('relevance').split('<figure ').slice(1);
    expect(figures).toHaveLength(5);
    for (const [k, r] of rows.entries()) {
      // The regions scored for this explanation's output, not the other outputs' (which the app draws faint).
      const truth = (await service.svc.groundTruth(runId, r.index))!.filter((g) => g.scored).map(({ startBp, endBp, name }) => ({ startBp, endBp, name }));
      const drawn = [...figures[k].matchAll(/<title>ground truth (\S+) (\d+)–(\d+)<\/title>/g)].map((m) => ({ name: m[1], startBp: Number(m[2]), endBp: Number(m[3]) }));
      expect(drawn).toEqual(truth);
    }
    expect(figures.some((f) => f.includes('<title>ground truth'))).toBe(true);
    expect(figures[0]).toContain('>ground truth</text>');
  });

  it('shows the scoring note as information, naming the BED by its file name, not its upload path', () => {
    const header = /<header>.*?<\/header>/s.exec(html)![0];
    expect(header).not.toContain('class="notice"');
    expect(header).toContain('<p class="note">multitask.bed: RMA and RRA score each explanation against the regions of the output it explains');
    expect(header).not.toContain('plrp-uploads-');
  });

  it('words its hints for the app, and leaves out motifs it never scanned', () => {
    expect(sectionOf('relevance')).toContain('Figures for the first 5 of 40 sequences (the Run view shows every sequence&#39;s relevance in its tracks).');
    expect(html).not.toContain('plrp report --sequences');
    expect(sectionOf('motifs')).toContain('a run started from New run scans the chosen motif database');
    expect(sectionOf('relevance')).not.toContain('motif hit');
    expect(sectionOf('relevance')).not.toContain('>motifs</text>');
    expect(sectionOf('cite')).not.toContain('JASPAR');
  });
});
