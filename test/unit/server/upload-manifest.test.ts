// Browser mode over a real HTTP socket: a model uploaded with its manifest (NAME.json) keeps its
// output names and recommended p, because the manifest is stored beside the upload where the
// manifest lookup (model card, run list, reports) looks; a manifest of another model is refused.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudioServer } from '../../../src-main/server/http/create-server';
import { createHandlers } from '../../../src-main/server/api/handlers';
import { FileRegistry } from '../../../src-main/server/api/file-registry';
import { SettingsStore } from '../../../src-main/server/api/settings-store';
import { buildModelCard } from '../../../src-main/server/api/model-card';
import { inspectModelFile } from '../../../src-main/server/open-host';
import { outputLabels } from '../../../src-main/engine/explain/model-manifest';
import type { RunService } from '../../../src-main/shared/run-api';

const MODELS = join(process.cwd(), 'resources/models');
const TASKS = ['ctcf', 'cebpb', 'spi1', 'foxa1'];
const dir = mkdtempSync(join(tmpdir(), 'plrp-manifest-up-'));
const files = new FileRegistry();
const policy = { token: 'm'.repeat(43), port: 0 };
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
const { server, close } = createStudioServer({
  policy,
  files,
  runs: { on: () => () => undefined } as unknown as RunService,
  rendererDir,
  uploadsDir: join(dir, 'uploads'),
  log: () => undefined,
  handlers: createHandlers({
    runs: {} as RunService,
    files,
    settings: new SettingsStore(join(dir, 'settings.json')),
    modelCard: (path, name) => buildModelCard(inspectModelFile, path, name, () => undefined),
    fastaSummary: async () => { throw new Error('unused'); },
    demo: async () => ({ available: false }),
  }),
});

// The answers' values are checked field by field below, whatever their channel's type.
type Answer = { ok: boolean; value?: Record<string, unknown> & { token?: string }; error?: { code: string; message: string } };
function post(path: string, body: Buffer | string, contentType: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { Host: `127.0.0.1:${policy.port}`, 'X-PLRP-Token': policy.token, 'Content-Type': contentType };
    const req = request({ host: '127.0.0.1', port: policy.port, method: 'POST', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const invoke = (channel: string, body: unknown) => post(`/api/invoke/${channel}`, JSON.stringify(body), 'application/json');
async function upload(name: string, bytes: Buffer | string): Promise<string> {
  const r = await post(`/api/upload?name=${encodeURIComponent(name)}`, bytes, 'application/octet-stream');
  expect(r.ok).toBe(true);
  return r.value!.token!;
}
const resource = (name: string) => readFileSync(join(MODELS, name));
const ref = (token: string) => ({ kind: 'token', token });
const attach = (model: string, manifest: string) => invoke('files:attachManifest', { model: ref(model), manifest: ref(manifest) });
const card = async (model: string) => (await invoke('files:modelCard', { file: ref(model) })).value!;

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  policy.port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a model uploaded with its manifest', () => {
  it('names its outputs on the card and in the run list, from the manifest stored beside the upload', async () => {
    const model = await upload('deep-multitask.onnx', resource('deep-multitask.onnx'));
    const manifest = await upload('deep-multitask.json', resource('deep-multitask.json'));
    const r = await attach(model, manifest);
    expect(r).toEqual({ ok: true, value: { name: 'deep-multitask.json', outputLabels: TASKS, recommendedP: null } });
    expect(existsSync(join(dirname(files.resolve(model)), 'deep-multitask.json'))).toBe(true);
    expect((await card(model)).outputLabels).toEqual(TASKS);
    // Run summaries (Target column, reports) look the labels up by the run's model path.
    expect(outputLabels(files.resolve(model))).toEqual(TASKS);
  });

  it('names the outputs of a model whose card was read before the manifest came', async () => {
    const model = await upload('cnn4-pair.onnx', resource('cnn4-pair.onnx'));
    expect((await card(model)).outputLabels).toBeNull();
    expect(outputLabels(files.resolve(model))).toBeNull();
    const r = await attach(model, await upload('cnn4-pair.json', resource('cnn4-pair.json')));
    expect(r.value!.recommendedP).toBe(0.3);
    const after = await card(model);
    expect(after.outputLabels).toEqual(['absent', 'gata1_tal1_pair']);
    expect(after.recommendedP).toBe(0.3);
    expect(outputLabels(files.resolve(model))).toEqual(['absent', 'gata1_tal1_pair']);
  });

  it('takes a renamed copy of the right manifest, stored under the name the lookup expects', async () => {
    const model = await upload('my model.onnx', resource('deep-multitask.onnx'));
    expect((await attach(model, await upload('deep-multitask (1).json', resource('deep-multitask.json')))).ok).toBe(true);
    expect(existsSync(join(dirname(files.resolve(model)), 'my model.json'))).toBe(true);
    expect((await card(model)).outputLabels).toEqual(TASKS);
  });
});

describe('a manifest that is not the model’s', () => {
  it('is refused when its size says it is another model’s, naming both files and not the upload folder', async () => {
    const model = await upload('deep-multitask.onnx', resource('deep-multitask.onnx'));
    const r = await attach(model, await upload('cnn4-pair.json', resource('cnn4-pair.json')));
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('BAD_CONFIG');
    expect(r.error!.message).toContain('cnn4-pair.json describes a model of 3,389 bytes (cnn4-pair.onnx), but deep-multitask.onnx has 77,405 bytes');
    expect(r.error!.message).not.toContain(dir);
    expect(existsSync(join(dirname(files.resolve(model)), 'deep-multitask.json'))).toBe(false);
    expect((await card(model)).outputLabels).toBeNull();
  });

  it('is refused when its checksum is another model’s, even at the same size', async () => {
    const model = await upload('deep-multitask.onnx', resource('deep-multitask.onnx'));
    const forged = { ...JSON.parse(resource('deep-multitask.json').toString()), sha256: 'ab'.repeat(32) };
    const r = await attach(model, await upload('deep-multitask.json', JSON.stringify(forged)));
    expect(r.error!.message).toMatch(/^deep-multitask\.json describes a model with sha256 abababababab….*but deep-multitask\.onnx has f75521190edf…/);
    expect((await card(model)).outputLabels).toBeNull();
  });

  it('without a size or checksum, is taken only under the model’s own name', async () => {
    const model = await upload('deep-multitask.onnx', resource('deep-multitask.onnx'));
    const bare = JSON.stringify({ outputs: [{ labels: TASKS }] });
    const r = await attach(model, await upload('labels.json', bare));
    expect(r.error!.message).toContain('labels.json does not say which model it describes');
    expect(r.error!.message).toContain('rename it deep-multitask.json');
    expect((await attach(model, await upload('deep-multitask.json', bare))).ok).toBe(true);
    expect((await card(model)).outputLabels).toEqual(TASKS);
  });

  it('is refused when it is not JSON, or JSON that names no outputs and recommends no p', async () => {
    const model = await upload('deep-multitask.onnx', resource('deep-multitask.onnx'));
    expect((await attach(model, await upload('deep-multitask.json', '{ not json'))).error!.message).toBe('deep-multitask.json is not a model manifest: it is not a JSON object');
    const pkg = await upload('package.json', JSON.stringify({ name: 'x', bytes: 77405 }));
    expect((await attach(model, pkg)).error!.message).toContain('package.json is not a model manifest: it names no outputs');
  });

  it('is never written beside a model the studio did not store itself', async () => {
    const own = join(dir, 'own');
    mkdirSync(own);
    copyFileSync(join(MODELS, 'deep-multitask.onnx'), join(own, 'mine.onnx'));
    const model = files.register(join(own, 'mine.onnx'), 'command-line').token;
    const r = await attach(model, await upload('deep-multitask.json', resource('deep-multitask.json')));
    expect(r.error!.code).toBe('USAGE');
    expect(r.error!.message).toContain('put deep-multitask.json beside it as mine.json');
    expect(existsSync(join(own, 'mine.json'))).toBe(false);
  });
});
