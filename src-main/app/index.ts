// Electron main: thin wiring of the tested modules beside it — app:// protocol, security policy,
// the window, the IPC router, and the same studio host that browser mode uses.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStudioHost } from '../server/open-host';
import { electronRenderer } from '../services/report/electron-pdf';
import { appProtocolHandler } from './app-protocol';
import { electronHandlers } from './electron-handlers';
import { forwardRunEvents, registerIpcRouter } from './ipc-router';
import { decidePermission } from './security/permission-policy';
import { decideWindowOpen, isNavigationAllowed } from './security/navigation-policy';
import { openExternalLink } from './security/external-link';
import { checkElectronSqliteBinding } from './sqlite-binding';
import { createMainWindow } from './window-factory';
import { showUpgradeSplash } from './upgrade-splash';
import { pendingUpgrade } from '../services/cache/pending-upgrade';
import { upgradeCacheOffThread } from '../services/cache/upgrade-off-thread';
import { errorMessage } from '../shared/errors';

const here = dirname(fileURLToPath(import.meta.url));
const devServer = process.env.ELECTRON_RENDERER_URL;
const log = (m: string) => console.error(`[main] ${m}`);

// Must precede `ready`: app:// behaves like https (secure context, fetch, relative URLs).
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, devServer)) {
      event.preventDefault();
      log(`navigation blocked: ${url.slice(0, 200)}`);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const d = decideWindowOpen(url);
    if (d.external) {
      void openExternalLink(d.external, {
        confirm: async (u) => (await dialog.showMessageBox({ type: 'question', buttons: ['Open', 'Cancel'], defaultId: 1, cancelId: 1, message: `Open this link in your browser?\n\n${u}` })).response === 0,
        open: (u) => shell.openExternal(u),
        log,
      });
    }
    return { action: d.action };
  });
});

async function main(): Promise<void> {
  await app.whenReady();
  const binding = checkElectronSqliteBinding(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), process.versions);
  if (!binding.ok) {
    dialog.showErrorBox('PLRP Studio cannot open its run cache', binding.message);
    app.quit();
    return;
  }
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback) => callback(decidePermission(permission, wc.getURL(), log)));
  session.defaultSession.setPermissionCheckHandler((wc, permission) => decidePermission(permission, wc?.getURL() ?? '', log));
  protocol.handle('app', appProtocolHandler(join(here, '../renderer')));

  const userData = app.getPath('userData');
  const uploadsDir = join(userData, 'dropped');
  mkdirSync(uploadsDir, { recursive: true });
  // Packaged, resources/ ships outside the asar (electron-builder extraResources): ONNX Runtime opens
  // model files by path from native code, which cannot read inside an asar.
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  process.env.PLRP_RESOURCES = resourcesDir;
  // Report PDFs/PNGs through Electron's own Chromium: a hidden window with scripts off (reports
  // have none) and the same sandbox as the main window.
  const reportRenderer = async () => electronRenderer(() => new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, offscreen: true },
  }));
  const cachePath = join(userData, 'run-cache.sqlite');
  const upgrade = await upgradeCacheFirst(cachePath, binding.path);
  const host = openStudioHost({ dataDir: userData, cachePath, resourcesDir, log, sqliteNativeBinding: binding.path, reportRenderer, earlierCacheNotices: upgrade.notices });
  registerIpcRouter(ipcMain, { ...host.handlers, ...electronHandlers(host.files, host.runs, uploadsDir, log) }, log, devServer);

  const win = await createMainWindow(BrowserWindow, join(here, '../preload/index.cjs'), devServer);
  // Only now: closing the last window (the splash) before the main one exists would quit the app.
  upgrade.splash?.destroy();
  const stopEvents = forwardRunEvents(host.runs, { isDestroyed: () => win.isDestroyed(), send: (c, p) => win.webContents.send(c, p) });
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    stopEvents();
    void host.service.close().finally(() => app.quit());
  });
}

/**
 * An earlier version's cache is rewritten to this version's format in a worker thread, under a
 * small window that says so (the caller closes it once the main window is open); opening it here
 * would freeze this process with no window at all. If the worker fails, the host's own open
 * upgrades it (and reports any problem) as before.
 */
async function upgradeCacheFirst(cachePath: string, nativeBinding: string | undefined): Promise<{ notices: string[]; splash: BrowserWindow | null }> {
  const upgrade = pendingUpgrade(cachePath, nativeBinding);
  if (!upgrade) return { notices: [], splash: null };
  const splash = showUpgradeSplash(BrowserWindow, cachePath, upgrade);
  try {
    return { notices: await upgradeCacheOffThread(cachePath, nativeBinding), splash };
  } catch (e) {
    log(`run cache upgrade in a worker thread failed (${errorMessage(e)}); upgrading it on open instead`);
    return { notices: [], splash };
  }
}

// One app per user, as VS Code and GitHub Desktop do: a second launch focuses the first window
// instead of opening the same run cache again beside it.
// A start that fails (e.g. a run cache that can be neither opened nor moved aside) says why
// instead of leaving a process with no window.
if (app.requestSingleInstanceLock()) {
  main().catch((e: unknown) => {
    log(`start failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    dialog.showErrorBox('PLRP Studio could not start', errorMessage(e));
    app.quit();
  });
} else {
  app.quit();
}
