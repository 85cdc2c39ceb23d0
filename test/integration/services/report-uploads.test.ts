// A run started in the app on files uploaded through the page (browser mode's temporary upload
// folder): its report names the model, FASTA and ground truth by the names the user picked, never
// by the temporary path the host stored them under, in the Inputs table, the options and the notes.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/server/api/handlers';
import { FileRegistry } from '../../../src-main/server/api/file-registry';
import { SettingsStore } from '../../../src-main/server/api/settings-store';
import { parseRequest } from '../../../src-main/shared/ipc';
import { MODEL, serviceInTempDir, writeRandomFasta } from './service-fixtures';

const service = serviceInTempDir();
let uploads = '';
let runId = '';

/** As receiveUpload stores a file the page sent: a random folder under the uploads folder. */
function uploaded(files: FileRegistry, name: string, write: (path: string) => void): string {
  const folder = join(uploads, `f${Math.random().toString(16).slice(2, 10)}`);
  mkdirSync(folder, { recursive: true });
  write(join(folder, name));
  return files.register(join(folder, name), 'upload', name).token;
}

beforeAll(async () => {
  uploads = join(service.dir, 'plrp-uploads-x');
  const files = new FileRegistry();
  const handlers = createHandlers({
    runs: service.svc, files, settings: new SettingsStore(join(service.dir, 'settings.json')),
    modelCard: async () => { throw new Error('unused'); }, fastaSummary: async () => { throw new Error('unused'); }, demo: async () => ({ available: false }),
  });
  const ref = (token: string) => ({ kind: 'token' as const, token });
  const model = uploaded(files, 'my model.onnx', (p) => copyFileSync(MODEL, p));
  const fasta = uploaded(files, 'peaks.fa', (p) => writeRandomFasta(p, 3, 200));
  const bed = uploaded(files, 'sites.bed', (p) => writeFileSync(p, 'seq0\t10\t30\tsite\n'));
  const summary = await handlers['runs:start']!(parseRequest('runs:start', {
    model: ref(model), fasta: ref(fasta), groundTruthBed: ref(bed), metrics: ['rma'], explanations: [{ id: 'lrp', composite: 'epsilon-plus', method: 'lrp' }],
  })) as { id: string };
  runId = summary.id;
  expect((await service.svc.whenSettled(runId)).status).toBe('done');
}, 120_000);

const inputRow = (html: string, role: string): string => new RegExp(`<tr><td>${role}</td>.*?</tr>`, 's').exec(html)![0];

describe('the report of a run on uploaded files', () => {
  it('names each upload by the file the user picked, not its temporary folder', async () => {
    const html = Buffer.from(await service.svc.report(runId, 'html')).toString('utf8');
    expect(inputRow(html, 'model')).toMatch(/<td class="long">my model\.onnx<\/td>/);
    expect(inputRow(html, 'FASTA')).toMatch(/<td class="long">peaks\.fa<\/td>/);
    expect(inputRow(html, 'ground truth')).toMatch(/<td class="long">sites\.bed<\/td>.*uploaded in the app/s);
    expect(html).toContain('ground truth: sites.bed');
    expect(html).not.toContain(uploads);
  });

  it('still names them so once the uploads are gone (browser mode removes its folder when it stops)', async () => {
    rmSync(uploads, { recursive: true, force: true });
    const html = Buffer.from(await service.svc.report(runId, 'html')).toString('utf8');
    expect(inputRow(html, 'model')).toContain('my model.onnx');
    expect(inputRow(html, 'model')).toContain('file not found');
    expect(html).not.toContain(uploads);
  });
});
