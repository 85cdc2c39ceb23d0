// Renders report HTML to PDF and figure SVG to PNG. One interface, two hosts: headless Debian
// Chromium through playwright-core (CLI, browser mode) and Electron's printToPDF (the app, thin
// adapter in electron-pdf.ts). Chromium runs with no network and no sandbox-only GPU paths.
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';

export interface ReportRenderer {
  pdf(html: string): Promise<Buffer>;
  png(svg: string): Promise<Buffer>;
  close(): Promise<void>;
}

export const CHROMIUM_PATH = process.env.PLRP_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export async function chromiumRenderer(): Promise<ReportRenderer> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new AppError('FILE_NOT_FOUND', `PDF and PNG output need Chromium at ${CHROMIUM_PATH} (Debian: apt-get install chromium; or set PLRP_CHROMIUM); HTML and SVG output do not`);
  }
  // Imported by name at run time: the Electron main bundle (which reaches this module through the
  // run service) must not try to bundle playwright-core; the app renders PDF with printToPDF instead.
  const playwrightCore = 'playwright-core';
  const { chromium } = (await import(/* @vite-ignore */ playwrightCore)) as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  const context = await browser.newContext({ offline: true });
  // PNG figures at 2× so they stay sharp on slides and high-density screens.
  const pngContext = await browser.newContext({ offline: true, deviceScaleFactor: 2 });
  return {
    async pdf(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
      } finally {
        await page.close();
      }
    },
    async png(svg) {
      const page = await pngContext.newPage();
      try {
        await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${svg}</body></html>`);
        return await page.locator('svg').first().screenshot();
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
