// `plrp report RUN | --from out.json --out report.html|report.pdf`: the self-contained run report
// (HTML, or PDF through headless Chromium), optionally with every figure as SVG and PNG.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { readOutJson } from '../../engine/report/out-json';
import { buildReportHtml, type ReportInput } from '../../engine/report/report-html';
import { cachedRunInput } from '../../services/report/cached-run-input';
import { collectReportInput } from '../../services/report/collect-report-input';
import { chromiumRenderer } from '../../services/report/html-to-pdf';
import { runToOutJson } from '../../services/report/run-to-out-json';
import { LocalRunService } from '../../services/run-service';
import { AppError } from '../../shared/errors';

interface ReportCliOptions { from?: string; out: string; sequences?: string; reproduce?: string; figures?: string; title?: string; cache?: string }

export function register(program: Command): void {
  program
    .command('report [run]')
    .description('write a self-contained HTML (or PDF) report of a run: inputs, model card, options, predictions, relevance logos, metrics, motifs, diagnostics, citations')
    .option('--from <out.json>', 'report on a plrp explain out.json instead of a cached run')
    .requiredOption('--out <report.html|report.pdf>', 'output file (.html or .pdf)')
    .option('--sequences <name1,name2>', 'sequences that get a relevance figure (default: the first 5)')
    .option('--reproduce <DIR>', 'include the p sweep of a plrp reproduce output folder')
    .option('--figures <DIR>', 'also write every figure as SVG and PNG into DIR')
    .option('--title <text>', 'report title')
    .option('--cache <file>', 'run cache database (with RUN)')
    .action(async (run: string | undefined, o: ReportCliOptions) => {
      if (Boolean(run) === Boolean(o.from)) throw new AppError('USAGE', 'give either a run id or --from out.json');
      const asPdf = o.out.toLowerCase().endsWith('.pdf');
      if (!asPdf && !/\.html?$/i.test(o.out)) throw new AppError('USAGE', `--out ${o.out}: use a .html or .pdf file name`);
      const sequences = o.sequences?.split(',').map((s) => s.trim()).filter(Boolean);
      const collect = { title: o.title, reproduceDir: o.reproduce, sequences };
      const input = o.from
        ? await collectReportInput(await readOutJson(o.from), { ...collect, source: { outJson: o.from } })
        : await fromCache(run!, o.cache, (svc, id) => runToOutJson(svc, id, { detailNames: sequences })
          .then((doc) => collectReportInput(doc, { ...collect, runLabel: svc.cache.getRun(id)?.label ?? null, source: { runId: run! }, run: cachedRunInput(svc.cache, id) })));
      const report = buildReportHtml(input);
      const renderer = asPdf || o.figures ? await chromiumRenderer() : null;
      try {
        await writeFile(o.out, asPdf ? await renderer!.pdf(report.html) : report.html);
        process.stderr.write(`plrp: wrote ${o.out}\n`);
        if (o.figures) {
          await mkdir(o.figures, { recursive: true });
          for (const [name, svg] of report.figures) {
            await writeFile(join(o.figures, `${name}.svg`), `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
            await writeFile(join(o.figures, `${name}.png`), await renderer!.png(svg));
          }
          process.stderr.write(`plrp: wrote ${report.figures.size} figures (SVG and PNG) to ${o.figures}\n`);
        }
      } finally {
        await renderer?.close();
      }
    });
}

/** A cached run's report input, read while the cache is open (the letters come from it). */
async function fromCache(runId: string, cachePath: string | undefined, body: (svc: LocalRunService, id: string) => Promise<ReportInput>): Promise<ReportInput> {
  const svc = new LocalRunService({ cachePath, cacheMustExist: true, onCacheMessage: (m) => process.stderr.write(`plrp: ${m}\n`) });
  try {
    return await body(svc, svc.resolveRunId(runId));
  } finally {
    await svc.close();
  }
}
