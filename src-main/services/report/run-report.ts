// The app's "Report (HTML/PDF)" export: a cached run through the same report module as
// `plrp report RUN --out x.html|x.pdf` (run → out.json shape → collected inputs → HTML), and for PDF
// through a renderer: headless Debian Chromium by default (browser mode), or the host's own (the
// Electron app can pass printToPDF, electron-pdf.ts) via RunServiceOptions.reportRenderer.
import { buildReportHtml } from '../../engine/report/report-html';
import type { LocalRunService } from '../run-service';
import { cachedRunInput } from './cached-run-input';
import { collectReportInput } from './collect-report-input';
import { chromiumRenderer, type ReportRenderer } from './html-to-pdf';
import { runToOutJson } from './run-to-out-json';

export type ReportFormat = 'html' | 'pdf';

export async function buildRunReport(svc: LocalRunService, runId: string, format: ReportFormat, renderer?: () => Promise<ReportRenderer>): Promise<Buffer> {
  const run = await svc.get(runId);
  const doc = await runToOutJson(svc, runId);
  // The app's Report button: the report's hints name what the app offers, not CLI options.
  const input = await collectReportInput(doc, { runLabel: run.label, source: { runId, app: true }, run: cachedRunInput(svc.cache, runId) });
  const { html } = buildReportHtml(input);
  if (format === 'html') return Buffer.from(html, 'utf8');
  const r = await (renderer ?? chromiumRenderer)();
  try {
    return await r.pdf(html);
  } finally {
    await r.close();
  }
}
