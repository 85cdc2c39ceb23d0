// The browser-mode endpoint over a real HTTP socket, with an in-memory run service double that
// records what reaches it: access control, path escapes, upload → token → path, dispatch and errors.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudioServer } from '../../../src-main/server/http/create-server';
import { createHandlers } from '../../../src-main/server/api/handlers';
import { FileRegistry } from '../../../src-main/server/api/file-registry';
import { SettingsStore } from '../../../src-main/server/api/settings-store';
import { AppError } from '../../../src-main/shared/errors';
import type { RunRequest, RunService } from '../../../src-main/shared/run-api';

const started: RunRequest[] = [];
const runs = {
  start: async (r: RunRequest) => (started.push(r), { id: 'run-1' }),
  get: async (id: string) => {
    throw new AppError('USAGE', `no run ${id}`);
  },
  on: () => () => undefined,
} as unknown as RunService;

const dir = mkdtempSync(join(tmpdir(), 'plrp-srv-'));
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<html>studio</html>');
writeFileSync(join(dir, 'secret.txt'), 'secret');
const files = new FileRegistry();
const policy = { token: 'k'.repeat(43), port: 0 };
const { server, close } = createStudioServer({
  policy,
  files,
  runs,
  rendererDir,
  uploadsDir: join(dir, 'uploads'),
  log: () => undefined,
  handlers: createHandlers({ runs, files, settings: new SettingsStore(join(dir, 'settings.json')), modelCard: async () => { throw new Error('unused'); }, fastaSummary: async (path) => { throw new AppError('BAD_FASTA', `${path}, line 2: 'Z' is not a nucleotide`); }, demo: async () => ({ available: false }) }),
});

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: policy.port, method, path, headers: { Host: `127.0.0.1:${policy.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const auth = () => ({ 'X-PLRP-Token': policy.token });
const json = () => ({ ...auth(), 'Content-Type': 'application/json' });

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  policy.port = (server.address() as AddressInfo).port;
});
afterAll(() => close());

describe('browser-mode server', () => {
  it('refuses requests without the token, and with a foreign Host', async () => {
    expect((await send('GET', '/')).status).toBe(401);
    expect((await send('GET', '/', { ...auth(), Host: `evil.example:${policy.port}` })).status).toBe(403);
  });
  it('turns the URL token into an HttpOnly, SameSite cookie when the page loads', async () => {
    const r = await send('GET', `/?token=${policy.token}`);
    expect(r.body).toBe('<html>studio</html>');
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
  });
  it('serves nothing outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const r = await send('GET', p, auth());
      expect(r.body, p).not.toContain('secret');
    }
  });
  it('answers requests through the shared channel map, with errors as {code, message}', async () => {
    const r = await send('POST', '/api/invoke/runs:get', json(), JSON.stringify({ runId: 'x' }));
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'USAGE', message: 'no run x' } });
    expect(JSON.parse((await send('POST', '/api/invoke/nope', json(), '{}')).body).ok).toBe(false);
    expect((await send('POST', '/api/invoke/runs:list', { ...auth(), 'Content-Type': 'text/plain' }, '{}')).status).toBe(415);
  });
  it('stores an upload under a safe name and starts runs with its path, never a path from the page', async () => {
    const up = JSON.parse((await send('POST', '/api/upload?name=../../evil.fa', auth(), Buffer.from('>a\nACGT\n'))).body);
    expect(up.ok).toBe(true);
    expect(up.value.name).toBe('evil.fa');
    const path = files.resolve(up.value.token);
    expect(path.startsWith(join(dir, 'uploads'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('>a\nACGT\n');
    const ref = { kind: 'token', token: up.value.token };
    const r = await send('POST', '/api/invoke/runs:start', json(), JSON.stringify({ model: ref, fasta: ref, explanations: [{ id: 'lrp' }] }));
    expect(JSON.parse(r.body).ok).toBe(true);
    // The name the user picked goes along, so the run's report can name the file by it.
    expect(started[0].fasta).toEqual({ kind: 'path', path, uploadedAs: 'evil.fa' });
    const bad = await send('POST', '/api/invoke/runs:start', json(), JSON.stringify({ model: { kind: 'path', path: '/etc/passwd' }, fasta: ref, explanations: [{ id: 'lrp' }] }));
    expect(JSON.parse(bad.body).error.code).toBe('USAGE');
    expect(started).toHaveLength(1);
  });
  it('names an uploaded file by its own name in errors, not by its temporary path, and lists a re-upload once', async () => {
    const upload = async () => JSON.parse((await send('POST', '/api/upload?name=mine.fa', auth(), Buffer.from('>a\nAZGT\n'))).body).value as { token: string };
    await upload();
    const { token } = await upload();
    const r = JSON.parse((await send('POST', '/api/invoke/files:fastaSummary', json(), JSON.stringify({ file: { kind: 'token', token } }))).body);
    expect(r.error).toEqual({ code: 'BAD_FASTA', message: "mine.fa, line 2: 'Z' is not a nucleotide" });
    const listed = JSON.parse((await send('POST', '/api/invoke/files:list', json(), '{}')).body).value as { name: string; token: string }[];
    expect(listed.filter((f) => f.name === 'mine.fa').map((f) => f.token)).toEqual([token]);
  });
  it('answers an unknown token with FILE_NOT_FOUND', async () => {
    const r = await send('POST', '/api/invoke/files:fastaSummary', json(), JSON.stringify({ file: { kind: 'token', token: 'x'.repeat(24) } }));
    expect(JSON.parse(r.body).error.code).toBe('FILE_NOT_FOUND');
  });
});
