// `plrp runs start` and `plrp runs resume <id>`: compute a run into the run cache from the command
// line, through the same RunService as the app. Unlike `plrp explain`, which writes one file at the
// end, results are stored batch by batch: Ctrl-C cancels the run and keeps every stored batch, and
// `runs resume` continues it, computing only what is missing. `runs export` then writes the files.
// `--region`/`--regions` explain regions of an indexed FASTA, named and exported in genome
// coordinates as by `plrp explain`.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadOrBuildFai } from '../../engine/genomics/fai';
import { AppError } from '../../shared/errors';
import { countOf } from '../../shared/count-of';
import type { RunRequest, RunSummary } from '../../shared/run-api';
import { parseMetricNames } from '../../engine/metrics/metric-names';
import type { GroundTruth } from '../../engine/metrics/ground-truth-mask';
import { openModel } from '../../engine/explain/open-model';
import { readMotifFile } from '../../engine/motifs/read-motifs';
import { checkLocalisationMetrics, groundTruthMatchWarning, groundTruthScoringNote, readGroundTruth } from '../explain/ground-truth-checks';
import { LocalRunService } from '../../services/run-service';
import { explainConfigsFrom, withExplanationOptions, type ExplainFlags } from '../explain/explain-configs';
import { withRegionOptions, type RegionFlags } from '../explain/region-records';
import { ProgressBar, WarningLog } from '../progress';
import { readWarnings } from '../../services/cache/warning-store';
import { parsePositiveInt } from '../options';
import { onInterrupts } from '../interrupts';
import { EXIT_CANCELLED } from '../exit-codes';

interface ComputeOptions { cache?: string; threads?: string; batchSize?: string }

interface StartOptions extends ExplainFlags, ComputeOptions, RegionFlags {
  model: string;
  fasta: string;
  target: string;
  groundTruth?: string;
  metrics?: string;
  motifs: string;
  label?: string;
}

export function registerCompute(runs: Command): void {
  withRegionOptions(withExplanationOptions(runs.command('start')
    .description('compute a run into the cache, batch by batch (Ctrl-C keeps what is stored; `runs resume` continues)')
    .requiredOption('--model <M.onnx>', 'ONNX genome model')
    .requiredOption('--fasta <X.fa>', 'sequences (.fa, .fa.gz)')
    .option('--target <K|auto>', 'output index to explain, or the predicted one (auto)', 'auto')))
    .option('--motifs <FILE|bundled|none>', 'motif file to scan; "bundled" = JASPAR 2024, "none" = no scan', 'bundled')
    .option('--label <text>', 'label shown in the run list')
    .option('--threads <N>', 'worker threads (default: cores − 1)')
    .option('--batch-size <N>', BATCH_SIZE_HELP)
    .option('--cache <file>', 'run cache database (default: PLRP_CACHE_DB or the app data folder)')
    .action(async (o: StartOptions) => {
      const { request, notes, infos, groundTruth } = await startRequest(o);
      for (const note of notes) process.stderr.write(`plrp: warning: ${note}\n`);
      for (const info of infos) process.stderr.write(`plrp: note: ${info}\n`);
      const scoring = groundTruth ? groundTruthScoringNote(o.groundTruth!, groundTruth, o.model) : null;
      if (scoring) process.stderr.write(`plrp: note: ${scoring}\n`);
      await computeInService(o, async (svc) => {
        const started = await svc.start(request);
        // The names are known once the service has read the FASTA into the cache.
        if (groundTruth && o.groundTruth) {
          // A region run's BED may name chromosomes (genome coordinates) instead of the regions.
          const names = svc.cache.sequenceNames(started.inputSha256, 0, started.sequenceCount).flatMap((s) => (s.place ? [s.name, s.place.chrom] : [s.name]));
          const warning = groundTruthMatchWarning(o.groundTruth, groundTruth, names, started.regions !== null);
          if (warning) process.stderr.write(`plrp: warning: ${warning}\n`);
        }
        return started;
      });
    });

  runs.command('resume <id>')
    .description('continue a cancelled, failed or interrupted run, computing only what is missing')
    .option('--threads <N>', 'worker threads (default: cores − 1)')
    .option('--batch-size <N>', BATCH_SIZE_HELP)
    .option('--cache <file>', 'run cache database (default: PLRP_CACHE_DB or the app data folder)')
    .action(async (given: string, o: ComputeOptions) => computeInService(o, async (svc) => {
      const id = svc.resolveRunId(given);
      const startedWith = svc.cache.getRun(id)?.request.batchSequences;
      const resumed = await svc.resume(id);
      const note = resumeBatchNote(startedWith, svc.cache.getRun(id)?.request.batchSequences, o.batchSize !== undefined);
      if (note) process.stderr.write(`plrp: note: ${note}\n`);
      return resumed;
    }, { cacheMustExist: true }));
}

/**
 * What `runs resume` says about its batch size: the run keeps the one it started with (so it ends
 * as an uninterrupted run would) unless --batch-size gives another, which it then keeps.
 */
export function resumeBatchNote(startedWith: number | undefined, used: number | undefined, given: boolean): string | null {
  if (used === undefined) return null;
  const batches = `batches of ${countOf(used, 'sequence')}`;
  if (!given) return startedWith === undefined ? null : `${batches}, as the run started (--batch-size changes it)`;
  if (startedWith === undefined || startedWith === used) return null;
  return `${batches} (--batch-size) instead of the ${startedWith.toLocaleString('en-US')} the run started with; later resumes keep ${used.toLocaleString('en-US')}`;
}

const BATCH_SIZE_HELP = 'sequences stored per batch (default: up to 1,024, fewer for small runs); a kill loses at most one batch';

/**
 * The request, checked as `plrp explain` checks its inputs before anything runs: a model or motif
 * file that cannot be read must not leave a failed run behind. `notes` are warnings to print,
 * `infos` notes.
 */
async function startRequest(o: StartOptions): Promise<{ request: RunRequest; notes: string[]; infos: string[]; groundTruth: GroundTruth | null }> {
  const configs = await explainConfigsFrom(o);
  const metrics = o.metrics ? parseMetricNames(o.metrics) : undefined;
  const groundTruth = o.groundTruth ? await readGroundTruth(o.groundTruth) : null;
  const notes: string[] = [];
  const localisationNote = checkLocalisationMetrics(o.metrics, metrics ?? [], groundTruth !== null);
  if (localisationNote) notes.push(localisationNote);
  const probe = await openModel(o.model);
  await probe.close();
  if (o.motifs !== 'bundled' && o.motifs !== 'none') await readMotifFile(o.motifs, notes);
  // A stale .fai is rebuilt here, where the note can be printed; the service then reads a fresh one.
  // What the index says (e.g. a stale .fai rebuilt) is information, as `plrp explain` prints it.
  const infos: string[] = [];
  if (o.region.length > 0 || o.regions) await loadOrBuildFai(resolve(o.fasta), (note) => infos.push(note));
  const path = (p: string) => ({ kind: 'path' as const, path: resolve(p) });
  const request: RunRequest = {
    model: path(o.model),
    fasta: path(o.fasta),
    groundTruthBed: o.groundTruth ? path(o.groundTruth) : undefined,
    motifs: o.motifs === 'bundled' || o.motifs === 'none' ? undefined : path(o.motifs),
    scanMotifs: o.motifs !== 'none',
    target: targetOf(o.target),
    explanations: configs,
    metrics,
    label: o.label,
    // The service reads and checks the regions (the .fai, chromosome names and ends) before a run exists.
    regions: o.region.length > 0 ? o.region : undefined,
    regionsBed: o.regions ? path(o.regions) : undefined,
  };
  return { request, notes, infos, groundTruth };
}

function targetOf(text: string): number | 'predicted' {
  if (text === 'auto') return 'predicted';
  if (!/^\d+$/.test(text)) throw new AppError('USAGE', `--target must be an output index or auto, got '${text}' (a name→index map works with plrp explain only)`);
  return Number(text);
}

/**
 * Runs `begin` (start or resume) in a service of its own, shows progress until the run settles and
 * turns Ctrl-C into the service's cancel, which keeps every stored batch. Exit codes as `explain`:
 * 0 done, 130 cancelled, 1 or 2 failed.
 */
async function computeInService(o: ComputeOptions, begin: (svc: LocalRunService) => Promise<RunSummary>, opening: { cacheMustExist?: boolean } = {}): Promise<void> {
  const svc = new LocalRunService({
    ...opening,
    cachePath: o.cache, threads: o.threads ? parsePositiveInt('threads', o.threads) : undefined,
    batchSequences: o.batchSize ? parsePositiveInt('batch-size', o.batchSize) : undefined,
    onCacheMessage: (m) => process.stderr.write(`plrp: ${m}\n`),
  });
  let bar: ProgressBar | null = null;
  let run: RunSummary | null = null;
  const interrupts = onInterrupts({
    cancel: () => {
      const line = 'plrp: cancelling: the batches being computed finish or stop, then every stored batch stays (Ctrl-C again to quit at once)';
      if (bar) bar.log(line);
      else process.stderr.write(`${line}\n`);
      if (run) void svc.cancel(run.id).catch(() => undefined);
    },
    forceQuit: () => {
      const line = run
        ? `plrp: second Ctrl-C, quit without waiting for the batches in flight; ${storedCount(svc.cache.sequencesDone(run.id), run.sequenceCount)}, kept in the cache. Continue with: plrp runs resume ${run.id}${cacheFlag(o)}`
        : 'plrp: second Ctrl-C, quit before the run started computing; nothing new was stored';
      svc.quitNow();
      bar?.done();
      process.stderr.write(`${line}\n`);
      process.exit(EXIT_CANCELLED);
    },
  });
  try {
    svc.on('progress', (p) => {
      if (p.runId === run?.id) bar?.update(p.done + p.inFlight);
    });
    svc.on('notice', (n) => {
      if (n.runId !== run?.id) return;
      const line = `plrp: ${n.level}: ${n.message}`;
      if (bar) bar.log(line);
      else process.stderr.write(`${line}\n`);
    });
    const started = await begin(svc);
    run = started;
    process.stderr.write(`plrp: run ${started.id}: ${countOf(started.sequenceCount, 'sequence')}, ${started.explanations.map((e) => e.id).join(', ')}\n`);
    bar = new ProgressBar('run', started.sequenceCount, process.stderr, Date.now, started.sequencesDone);
    bar.update(started.sequencesDone);
    // Ctrl-C during the awaits above has no run to cancel yet: cancel it now.
    if (interrupts.interrupted()) await svc.cancel(started.id);
    const settled = await svc.whenSettled(started.id);
    bar.done();
    printWarnings(svc, settled, cacheFlag(o));
    reportSettled(settled, interrupts.interrupted(), cacheFlag(o));
  } finally {
    interrupts.stop();
    await svc.close();
  }
}

/** ` --cache FILE` when the command was given one: the commands it suggests must open the same cache. */
function cacheFlag(o: ComputeOptions): string {
  return o.cache ? ` --cache ${/^[\w./:@+-]+$/.test(o.cache) ? o.cache : `'${o.cache.replace(/'/g, "'\\''")}'`}` : '';
}

/**
 * The warnings the run stored with its sequences (too short, mostly N, PLRP magnified relevance…),
 * as `explain` prints them: the first few, then how many more and where they all are.
 */
function printWarnings(svc: LocalRunService, run: RunSummary, cache: string): void {
  const keys = svc.cache.runExplanations(run.id).map((e) => e.explKey);
  const log = new WarningLog((line) => process.stderr.write(`${line}\n`));
  for (const messages of readWarnings(svc.cache.db, keys, 0, run.sequenceCount).values()) for (const m of messages) log.warn(m);
  log.summary(`\`plrp runs show ${run.id}${cache} --warnings\`, the warnings column of \`plrp runs export\`'s sequences.tsv and the app's sequence table (⚠)`);
}

/** "1,200 of 4,000 sequences stored". */
function storedCount(done: number, count: number): string {
  return `${done.toLocaleString('en-US')} of ${countOf(count, 'sequence')} stored`;
}

function reportSettled(run: RunSummary, interrupted: boolean, cache: string): void {
  const stored = storedCount(run.sequencesDone, run.sequenceCount);
  if (run.status === 'done') {
    // The scheduler finishes a run whose last batches were all stored despite the cancel.
    if (interrupted) process.stderr.write('plrp: Ctrl-C came when every batch was computed or stored; the run is complete\n');
    process.stderr.write(`plrp: run ${run.id} done (${stored}); write its files with: plrp runs export ${run.id}${cache} --out DIR\n`);
    process.stdout.write(`${run.id}\n`);
    return;
  }
  if (run.status === 'cancelled') {
    throw new AppError('CANCELLED', `cancelled; ${stored}, kept in the cache. Continue with: plrp runs resume ${run.id}${cache}`);
  }
  const why = run.error?.message ?? 'no reason was recorded';
  throw new AppError(run.error?.code ?? 'INTERNAL', `run ${run.id} failed (${stored}, kept): ${why}. After fixing the cause: plrp runs resume ${run.id}${cache}`);
}
