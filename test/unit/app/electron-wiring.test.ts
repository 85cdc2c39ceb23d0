// The Electron modules under Node: handlers captured from a fake ipcMain, a fake BrowserWindow
// constructor, and the app:// protocol handler called with real Request objects.
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { forwardRunEvents, registerIpcRouter, type IpcEventLike } from '../../../src-main/app/ipc-router';
import { createMainWindow, secureWindowOptions } from '../../../src-main/app/window-factory';
import { showUpgradeSplash } from '../../../src-main/app/upgrade-splash';
import { appProtocolHandler } from '../../../src-main/app/app-protocol';
import { INVOKE_CHANNELS } from '../../../src-main/shared/ipc';
import { AppError } from '../../../src-main/shared/errors';
import type { RunService } from '../../../src-main/shared/run-api';
import { checkElectronSqliteBinding } from '../../../src-main/app/sqlite-binding';

function harness(handlers: Parameters<typeof registerIpcRouter>[1]) {
  const captured = new Map<string, (e: IpcEventLike, p: unknown) => Promise<unknown>>();
  const log = vi.fn();
  registerIpcRouter({ handle: (c, l) => void captured.set(c, l) }, handlers, log);
  const mainFrame = { url: 'app://studio/index.html' };
  const fromApp: IpcEventLike = { senderFrame: mainFrame, sender: { mainFrame } };
  return { captured, log, fromApp };
}

describe('IPC router', () => {
  it('registers one handler per channel of the shared map', () => {
    expect([...harness({}).captured.keys()].sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
  });
  it('runs a valid request and returns its value', async () => {
    const h = harness({ 'runs:get': async ({ runId }) => ({ id: runId }) as never });
    expect(await h.captured.get('runs:get')!(h.fromApp, { runId: 'r1' })).toEqual({ ok: true, value: { id: 'r1' } });
  });
  it('returns expected errors as {code, message} and logs bugs without leaking stacks', async () => {
    const h = harness({
      'runs:get': async () => {
        throw new AppError('USAGE', 'no run r9');
      },
      'runs:list': async () => {
        throw new TypeError('boom');
      },
    });
    expect(await h.captured.get('runs:get')!(h.fromApp, { runId: 'r9' })).toEqual({ ok: false, error: { code: 'USAGE', message: 'no run r9' } });
    expect(await h.captured.get('runs:list')!(h.fromApp, {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
    expect(h.log.mock.calls.some(([m]) => String(m).includes('bug in runs:list'))).toBe(true);
  });
  it('never calls the handler for a message from another frame or with a wrong shape', async () => {
    const handler = vi.fn(async () => []);
    const h = harness({ 'runs:list': handler });
    const iframe = { url: 'app://studio/index.html' };
    expect(await h.captured.get('runs:list')!({ senderFrame: iframe, sender: { mainFrame: {} } }, {})).toMatchObject({ ok: false });
    expect(await h.captured.get('runs:list')!(h.fromApp, { extra: 1 })).toMatchObject({ ok: false });
    expect(handler).not.toHaveBeenCalled();
  });
  it('forwards run events to the window until it is destroyed', () => {
    const listeners = new Map<string, (p: unknown) => void>();
    const runs = { on: (e: string, l: (p: unknown) => void) => (listeners.set(e, l), () => listeners.delete(e)) } as unknown as RunService;
    const send = vi.fn();
    let destroyed = false;
    const off = forwardRunEvents(runs, { isDestroyed: () => destroyed, send });
    listeners.get('progress')!({ runId: 'a', done: 1, total: 2, inFlight: 0.5, etaMs: null });
    destroyed = true;
    listeners.get('settled')!({ id: 'a' });
    expect(send.mock.calls).toEqual([['runs:progress', { runId: 'a', done: 1, total: 2, inFlight: 0.5, etaMs: null }]]);
    off();
    expect(listeners.size).toBe(0);
  });
});

describe('window factory', () => {
  it('creates a sandboxed, context-isolated window without Node and loads the app origin', async () => {
    const created: unknown[] = [];
    class FakeWindow {
      loaded = '';
      constructor(o: unknown) {
        created.push(o);
      }
      async loadURL(u: string) {
        this.loaded = u;
      }
      once() {}
      show() {}
    }
    const win = await createMainWindow(FakeWindow, '/p/preload.cjs');
    expect(win.loaded).toBe('app://studio/index.html');
    expect(created[0]).toEqual(secureWindowOptions('/p/preload.cjs'));
    expect(secureWindowOptions('x').webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });

  it('shows the cache upgrade in a script-free window that names the file, escaped', () => {
    const created: { webPreferences: unknown; closable: boolean }[] = [];
    class FakeSplash {
      loaded = '';
      constructor(o: { webPreferences: unknown; closable: boolean }) {
        created.push(o);
      }
      async loadURL(u: string) {
        this.loaded = u;
      }
      destroy() {}
    }
    const splash = showUpgradeSplash(FakeSplash, '/home/ada/<lab>/run-cache.sqlite', { from: 7, to: 10 });
    expect(created[0].webPreferences).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(created[0].closable).toBe(false);
    expect(splash.loaded.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    const html = decodeURIComponent(splash.loaded.slice('data:text/html;charset=utf-8,'.length));
    expect(html).toContain('Upgrading the run cache');
    expect(html).toContain('/home/ada/&lt;lab&gt;/run-cache.sqlite (schema 7 → 10)');
    expect(html).not.toContain('<lab>');
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'plrp-proto-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
  writeFileSync(join(tmpdir(), 'plrp-secret.txt'), 'secret');
  symlinkSync(join(tmpdir(), 'plrp-secret.txt'), join(root, 'assets', 'link.txt'));
  const handle = appProtocolHandler(root);

  it('serves files of the renderer folder with a CSP', async () => {
    const r = await handle(new Request('app://studio/assets/a.js'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('javascript');
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
  it('never serves anything outside the folder', async () => {
    for (const u of ['app://studio/%2e%2e/%2e%2e/etc/passwd', 'app://studio/assets/link.txt', 'app://studio/..%2f..%2fetc%2fpasswd', 'app://other/index.html']) {
      const r = await handle(new Request(u));
      expect(r.status === 404 || (await r.text()) === '<html></html>', u).toBe(true);
    }
  });
});

describe('better-sqlite3 under Electron', () => {
  it('explains a missing Electron-ABI binding instead of loading the Node one', () => {
    const r = checkElectronSqliteBinding(mkdtempSync(join(tmpdir(), 'bs3-')), { modules: '140', electron: '45.5.0' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('ABI 140');
  });
});
