// The small window the desktop app shows while it upgrades an earlier version's run cache in a
// worker thread (services/cache/upgrade-off-thread), before the main window can open on it: without
// it, a first launch on a large old cache showed nothing for tens of seconds. Static HTML, no
// scripts, no preload; the BrowserWindow constructor is passed in, so tests check it without Electron.
import { escapeHtml } from '../engine/report/html-escape';
import type { PendingUpgrade } from '../services/cache/pending-upgrade';

export interface SplashLike {
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

export interface SplashOptions {
  width: number;
  height: number;
  resizable: false;
  minimizable: false;
  maximizable: false;
  /** Closing the only window would quit the app in the middle of the upgrade (it would roll back; not on Linux). */
  closable: false;
  title: string;
  webPreferences: { sandbox: true; contextIsolation: true; nodeIntegration: false; javascript: false };
}

export function upgradeSplashHtml(cachePath: string, upgrade: PendingUpgrade): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>PLRP Studio</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#1f2328}p{margin:6px 0}.muted{color:#59636e;font-size:12px;overflow-wrap:anywhere}</style></head>
<body><p><strong>Upgrading the run cache to this version's format…</strong></p>
<p>This happens once, and takes about 25 s per GB of cache. Your runs are kept.</p>
<p class="muted">${escapeHtml(cachePath)} (schema ${upgrade.from} → ${upgrade.to})</p></body></html>`;
}

/** Opens the splash; the caller destroys it when the upgrade has finished. */
export function showUpgradeSplash<W extends SplashLike>(Ctor: new (options: SplashOptions) => W, cachePath: string, upgrade: PendingUpgrade): W {
  const splash = new Ctor({
    width: 520, height: 180, resizable: false, minimizable: false, maximizable: false, closable: false, title: 'PLRP Studio',
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  void splash.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(upgradeSplashHtml(cachePath, upgrade))}`);
  return splash;
}
