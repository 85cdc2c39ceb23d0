// The app's report renderer: Electron's own Chromium via a hidden window's webContents. Typed
// structurally so services stay free of `electron` imports; the app passes a factory that makes
// an offscreen, sandboxed BrowserWindow. Not testable without Electron — kept to the adapter only.
import type { ReportRenderer } from './html-to-pdf';

export interface PrintableWindow {
  loadURL(url: string): Promise<void>;
  webContents: {
    printToPDF(options: { printBackground: boolean; pageSize: 'A4' }): Promise<Buffer>;
    capturePage(): Promise<{ toPNG(): Buffer }>;
  };
  destroy(): void;
}

const dataUrl = (html: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;

export function electronRenderer(createWindow: () => PrintableWindow): ReportRenderer {
  const withWindow = async <T>(html: string, body: (w: PrintableWindow) => Promise<T>): Promise<T> => {
    const w = createWindow();
    try {
      await w.loadURL(dataUrl(html));
      return await body(w);
    } finally {
      w.destroy();
    }
  };
  return {
    pdf: (html) => withWindow(html, (w) => w.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })),
    png: (svg) => withWindow(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`, async (w) => (await w.webContents.capturePage()).toPNG()),
    close: async () => {},
  };
}
