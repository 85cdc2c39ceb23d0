// `plrp runs list|show|export|import|delete|cache`: the run cache from the command line, through the same
// RunService as the app and the browser-mode server, so all three show and export runs alike.
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { countOf } from '../../shared/count-of';
import { isSequenceComputed, type RunSummary } from '../../shared/run-api';
import { orderedExplanations } from '../../shared/explanation-order';
import { exportRun, partialExportNote } from '../../services/export-run';
import { LocalRunService } from '../../services/run-service';
import { registerImport } from './runs-import';
import { registerCompute } from './runs-compute';
import { withCancellation } from '../cancellation';
import { ProgressBar } from '../progress';
import { runLine } from '../run-line';
import { runDetailLines, sequenceLine } from '../run-details';
import { runMetricSummary } from '../../services/run-metric-summary';

const ID_HELP = 'run id, or a unique prefix of it (at least 4 characters)';

interface CacheOption { cache?: string; json?: boolean }

/** The service over an existing cache: these commands read or remove runs, so a missing file (a typo) is an error, not a new cache. */
async function withService<T>(opts: CacheOption, body: (svc: LocalRunService) => Promise<T>): Promise<T> {
  const svc = new LocalRunService({ cachePath: opts.cache, cacheMustExist: true, onCacheMessage: (m) => process.stderr.write(`plrp: ${m}\n`) });
  try {
    return await body(svc);
  } finally {
    await svc.close();
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function register(program: Command): void {
  const runs = program.command('runs').description('list, show, export, import and delete cached runs; show the cache size or prune it')
    .addHelpText('after', '\nA run id may be shortened to a unique prefix of at least 4 characters, as git does: plrp runs show 3f2a');
  const cacheOpt = (c: Command): Command => c.option('--cache <file>', 'run cache database (default: PLRP_CACHE_DB or the app data folder)');

  cacheOpt(runs.command('list').description('list runs, newest first').option('--json', 'print JSON'))
    .action(async (opts: CacheOption) => withService(opts, async (svc) => {
      const list = await svc.list();
      if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else for (const r of list) process.stdout.write(`${runLine(r)}\n`);
      // Said on stderr, so that stdout stays empty for scripts that read one run per line.
      if (list.length === 0 && !opts.json) process.stderr.write(`plrp: no runs in ${svc.cache.path}\n`);
    }));

  cacheOpt(runs.command('show').argument('<id>', ID_HELP).description('one run: options, target and output names, ground truth, metrics, timings, per-sequence numbers (⚠ and its warnings on a sequence that may mislead)').option('--json', 'print JSON')
    .option('--warnings', 'list only the sequences with warnings, every one of them (not only the first 1,000), with their warnings'))
    .action(async (given: string, opts: CacheOption & { warnings?: boolean }) => withService(opts, async (svc) => {
      const id = svc.resolveRunId(given);
      const stored = await svc.get(id);
      // Explanations in the one order (LRP, then each PLRP method by p), as the app lists them.
      const run: RunSummary = { ...stored, explanations: orderedExplanations(stored.explanations) };
      if (opts.warnings && !opts.json) {
        process.stdout.write(`${runLine(run)}\n`);
        for (const line of await warningLines(svc, run)) process.stdout.write(`  ${line}\n`);
        return;
      }
      const page = await svc.sequences({ runId: id, limit: 1000 });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ run, sequences: page }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${runLine(run)}\n`);
      if (run.regions) process.stdout.write(`  regions of ${run.fastaName}: ${[...run.regions.strings, ...(run.regions.bedName ? [`BED ${run.regions.bedName}`] : [])].join(', ')}\n`);
      for (const e of run.explanations) process.stdout.write(`  ${e.id}: ${e.canonical}\n`);
      for (const line of runDetailLines(run, svc.cache.getRun(id)?.request.groundTruthBedPath ?? null, runMetricSummary(svc.cache, id))) process.stdout.write(`  ${line}\n`);
      if (run.error) process.stdout.write(`  error: ${run.error.code}: ${run.error.message}\n`);
      process.stdout.write(`  compute ${(run.timings.computeMs / 1000).toFixed(2)} s; cached: ${run.timings.cachedExplanations.join(',') || '-'}\n`);
      // A cancelled or running run lists sequences it has not computed: counted, not shown.
      const computed = page.rows.filter((r) => isSequenceComputed(r, run));
      const warned = computed.filter((r) => r.warnings.length > 0).length;
      if (warned > 0) process.stdout.write(`  ⚠ ${countOf(warned, 'sequence')} ${page.total > page.rows.length ? `of the first ${page.rows.length.toLocaleString('en-US')} ` : ''}${warned === 1 ? 'has' : 'have'} warnings: results may mislead (their warnings follow ⚠ on their lines; plrp runs show ${given} --warnings lists every one)\n`);
      for (const r of computed) process.stdout.write(`  ${sequenceLine(run, r)}\n`);
      const notComputed = page.rows.length - computed.length;
      if (notComputed > 0) process.stdout.write(`  … and ${notComputed.toLocaleString('en-US')} of these ${page.rows.length.toLocaleString('en-US')} sequences not computed yet (run ${run.status})\n`);
      if (page.total > page.rows.length) {
        process.stdout.write(`  … ${(page.total - page.rows.length).toLocaleString('en-US')} more sequences not listed (${run.sequencesDone.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')} computed; plrp runs export writes them)\n`);
      }
    }));

  cacheOpt(runs.command('export').argument('<id>', ID_HELP).description('write bedGraph per explanation, sequences.tsv and manifest.json').requiredOption('--out <dir>', 'output folder'))
    .action(async (given: string, opts: CacheOption & { out: string }) => withService(opts, async (svc) => {
      const id = svc.resolveRunId(given);
      const run = await svc.get(id);
      // Said first: a partial run's files hold fewer sequences than the run lists.
      const partial = partialExportNote(run);
      if (partial) process.stderr.write(`plrp: ${partial}\n`);
      const bar = new ProgressBar('export', run.sequenceCount);
      const written = await withCancellation((signal) => exportRun(svc, id, opts.out, { signal, onProgress: (done) => bar.update(done), onNote: (n) => bar.log(`plrp: note: ${n}`) }));
      bar.done();
      for (const f of written) process.stderr.write(`plrp: wrote ${f}\n`);
    }));

  cacheOpt(runs.command('delete').argument('<id>', ID_HELP).description('delete a run (results another run uses stay cached)'))
    .action(async (given: string, opts: CacheOption) => withService(opts, async (svc) => {
      const id = svc.resolveRunId(given);
      await svc.delete(id);
      process.stderr.write(`plrp: deleted run ${id}\n`);
    }));

  registerImport(runs);
  registerCompute(runs);

  cacheOpt(runs.command('cache').description('show the cache size, or prune it oldest first')
    .option('--max-mb <n>', 'prune oldest runs until the cache is at most this size')
    .option('--keep <n>', 'prune all but the newest n runs'))
    .action(async (opts: CacheOption & { maxMb?: string; keep?: string }) => withService(opts, async (svc) => {
      const num = (s: string | undefined, name: string): number | undefined => {
        if (s === undefined) return undefined;
        const n = Number(s);
        if (!Number.isFinite(n) || n < 0) throw new AppError('USAGE', `${name} must be a non-negative number, got '${s}'`);
        return n;
      };
      const maxMb = num(opts.maxMb, '--max-mb');
      const keep = num(opts.keep, '--keep');
      if (maxMb === undefined && keep === undefined) {
        const i = await svc.cacheInfo();
        process.stdout.write(`${i.path}\t${mb(i.sizeBytes)}\t${countOf(i.runs, 'run')}\t${countOf(i.results, 'result')}\n`);
        return;
      }
      const r = await svc.pruneCache({ maxBytes: maxMb === undefined ? undefined : maxMb * 1e6, keepRuns: keep });
      process.stdout.write(`removed ${countOf(r.removedRuns.length, 'run')}: ${mb(r.before.sizeBytes)} → ${mb(r.after.sizeBytes)}\n`);
    }));
}

/** `runs show --warnings`: each computed sequence with warnings, paged over the whole run, then how many. */
async function warningLines(svc: LocalRunService, run: RunSummary): Promise<string[]> {
  const lines: string[] = [];
  let warned = 0;
  for (let offset = 0; offset < run.sequenceCount; offset += 1000) {
    const { rows } = await svc.sequences({ runId: run.id, offset, limit: 1000 });
    if (rows.length === 0) break;
    for (const r of rows) {
      if (!isSequenceComputed(r, run) || r.warnings.length === 0) continue;
      warned++;
      for (const w of r.warnings) lines.push(`${r.index}\t${r.name}\t⚠ ${w}`);
    }
  }
  const of = `${warned.toLocaleString('en-US')} of the ${run.sequencesDone.toLocaleString('en-US')} computed sequences`;
  return [warned === 0 ? 'no sequence has warnings' : `${of} ${warned === 1 ? 'has' : 'have'} warnings:`, ...lines];
}
