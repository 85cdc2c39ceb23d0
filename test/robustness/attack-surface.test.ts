// Attack surface: the real browser-mode server (startBrowserMode on 127.0.0.1) against requests
// without the token, with foreign Host/Origin (DNS rebinding, cross-site pages) and with path
// escapes in every encoding; the Electron security policies on the hostile cases; export names
// from FASTA headers and motif ids that try to leave the chosen folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../src-main/server/start-browser-mode';
import { safeFileName, safeJoin, uniqueSafeNames } from '../../src-main/engine/export/safe-name';
import { decideWindowOpen, isNavigationAllowed } from '../../src-main/app/security/navigation-policy';
import { externalLinkDecision } from '../../src-main/app/security/external-link';
import { decidePermission } from '../../src-main/app/security/permission-policy';
import { contentSecurityPolicy } from '../../src-main/app/security/csp';

const dir = mkdtempSync(join(tmpdir(), 'plrp-attack-'));
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<html>studio</html>');
writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
let studio: BrowserMode;
let token = '';

beforeAll(async () => {
  studio = await startBrowserMode({ rendererDir, resourcesDir: dir, cachePath: join(dir, 'cache.sqlite'), threads: 1, log: () => undefined });
  token = new URL(studio.url).searchParams.get('token')!;
});
afterAll(async () => {
  await studio.close();
  rmSync(dir, { recursive: true, force: true });
});

function send(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port: studio.port, method, path, headers: { Host: `127.0.0.1:${studio.port}`, ...headers } }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode!, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', rej);
    req.end();
  });
}

describe('browser mode on a real socket', () => {
  it('binds 127.0.0.1 only, by default', () => {
    expect(new URL(studio.url).hostname).toBe('127.0.0.1');
  });

  it('serves the page with the token, and refuses the API without it or with a wrong one', async () => {
    expect((await send('/', { 'X-PLRP-Token': token })).status).toBe(200);
    for (const headers of [{}, { 'X-PLRP-Token': 'x'.repeat(43) }, { 'X-PLRP-Token': token.slice(0, -1) }, { Cookie: 'plrp_token=nope' }, { Authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      const r = await send('/api/events', headers);
      expect([401, 403], JSON.stringify(headers)).toContain(r.status);
    }
    expect([401, 403]).toContain((await send('/')).status);
  });

  it('refuses a foreign Host (DNS rebinding) even with the right token', async () => {
    for (const host of [`evil.example:${studio.port}`, `127.0.0.1.nip.io:${studio.port}`, 'localhost:1', `[::1]:${studio.port + 1}`]) {
      const r = await send(`/?token=${token}`, { Host: host });
      expect(r.status, host).toBe(403);
      expect(r.body).not.toContain('studio');
    }
  });

  it('refuses a foreign Origin even with the right token', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${studio.port + 1}`, 'file://']) {
      const r = await send('/api/events', { 'X-PLRP-Token': token, Origin: origin });
      expect(r.status, origin).toBe(403);
    }
  });

  it('never serves a file outside the renderer folder, whatever the encoding of ../', async () => {
    const escapes = [
      '/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%2fsecret.txt', '/..%5csecret.txt',
      '/%252e%252e/secret.txt', '/....//secret.txt', `/${encodeURIComponent(join(dir, 'secret.txt'))}`, '//etc/passwd',
      '/%00/../secret.txt', '/index.html%00.txt', `/${'..%2f'.repeat(12)}etc/passwd`,
    ];
    for (const p of escapes) {
      const r = await send(p, { 'X-PLRP-Token': token });
      expect(r.body, p).not.toContain('TOP-SECRET');
      expect(r.body, p).not.toMatch(/root:.*:0:0:/);
    }
  });
});

describe('Electron security policies on hostile input', () => {
  it('never navigates to file:, data:, javascript:, look-alike or credentialed app origins', () => {
    for (const url of ['file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', 'app://studio.evil/', 'https://studio/', 'app://STUDIO.evil/x', 'about:blank']) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
    expect(isNavigationAllowed('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('opens no new window, and hands on only plain http(s) links', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'app://studio/', 'vbscript:x', 'ms-msdt:/id', 'http://user:pw@host/']) {
      const d = decideWindowOpen(url);
      expect(d.action).toBe('deny');
      expect(d.external, url).toBeNull();
      expect(externalLinkDecision(url).allowed, url).toBe(false);
    }
    expect(decideWindowOpen('https://jaspar.elixir.no/').external).toBe('https://jaspar.elixir.no/');
  });

  it('denies every permission, whatever the origin claims', () => {
    const log: string[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'unknown-future']) {
      expect(decidePermission(p, 'app://studio', (m) => log.push(m))).toBe(false);
    }
    expect(log).toHaveLength(7);
  });

  it('CSP forbids inline and remote script, eval, objects and framing', () => {
    const csp = contentSecurityPolicy();
    const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });
});

describe('export names never escape the chosen folder', () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom('../../etc/passwd', '..\\..\\windows\\system32', '/etc/passwd', 'C:\\x', '..', '.', '', 'CON', 'nul.txt', 'a/../../b', '\u202e..', '%2e%2e%2f', 'x\0y', '~/.ssh/id_rsa'),
    fc.array(fc.constantFrom('..', '/', '\\', '.', 'a', '%', '\0', ':'), { maxLength: 20 }).map((a) => a.join('')),
  );

  it('safeJoin keeps every FASTA header or motif id inside the folder as one plain file name', () => {
    const folder = resolve(dir, 'exports');
    fc.assert(fc.property(hostile, (name) => {
      const path = safeJoin(folder, name, '.bedgraph');
      const rel = relative(folder, path);
      expect(isAbsolute(rel) || rel.startsWith('..')).toBe(false);
      expect(dirname(path)).toBe(folder);
      expect(safeFileName(name)).toMatch(/^[A-Za-z0-9_+-][A-Za-z0-9._+-]*$/);
    }), { numRuns: 500, seed: 8 });
  });

  it('names that collide after cleaning (or differ only in case) get distinct files', () => {
    fc.assert(fc.property(fc.array(hostile, { maxLength: 20 }), (names) => {
      const out = uniqueSafeNames(names).map((n) => n.toLowerCase());
      expect(new Set(out).size).toBe(out.length);
    }), { numRuns: 200, seed: 8 });
  });
});
