// The main window, with Electron's security checklist applied in one place: context isolation,
// sandbox, no Node in the renderer, no webview, and a size readable at 1280×800. The BrowserWindow
// constructor is passed in, so tests check the options without Electron.
import { APP_ORIGIN } from './security/navigation-policy';

export interface WindowLike {
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    webviewTag: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    spellcheck: false;
  };
}

export function secureWindowOptions(preloadPath: string): SecureWindowOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an unstyled flash.
    show: false,
    title: 'PLRP Studio',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  };
}

export async function createMainWindow<W extends WindowLike>(
  Ctor: new (options: SecureWindowOptions) => W,
  preloadPath: string,
  devServer?: string,
): Promise<W> {
  const win = new Ctor(secureWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return win;
}
