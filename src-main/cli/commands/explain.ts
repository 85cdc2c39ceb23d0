// `plrp explain`: relevance for every sequence of a FASTA file, for one or more explanation
// configs, on the engine's worker pool, written as out.json (all configs) or out.npy (one config,
// [N, L, 4]). Optional metrics against a ground-truth BED.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { openModel } from '../../engine/explain/open-model';
import { EnginePool } from '../../engine/pool/engine-pool';
import { EXPLAIN_WORKER_URL } from '../../engine/pool/explain-worker-url';
import { BatchScheduler, tasksInFlight } from '../../engine/pool/batch-scheduler';
import type { ExplainTask, ExplainTaskResult } from '../../engine/pool/explain-task';
import { sequenceGroundTruth } from '../../engine/metrics/ground-truth-outputs';
import { checkLocalisationMetrics, groundTruthOutputs, groundTruthScoringNote, readGroundTruth, unmatchedGroundTruth } from '../explain/ground-truth-checks';
import { parseMetricNames, type MetricName } from '../../engine/metrics/metric-names';
import { summarizeMetrics } from '../../engine/metrics/summarize-metrics';
import type { SequenceMetrics } from '../../engine/metrics/compute-metrics';
import type { ModelInfo } from '../../engine/explain/types';
import { ENGINE_VERSION } from '../../services/engine-version';
import { batchSequencesFor } from '../../services/run-job';
import { explainConfigsFrom, withExplanationOptions, type ExplainFlags } from '../explain/explain-configs';
import { parseTargetOption, targetFor } from '../explain/targets-option';
import { createFastaJob } from '../explain/fasta-job';
import { JsonOutput } from '../explain/json-output';
import { NpyOutput } from '../explain/npy-output';
import { RelevanceAnnotations } from '../explain/relevance-annotations';
import { countOverlaps, overlapNote } from '../../engine/export/overlap-average';
import { iterate, regionRecords, withRegionOptions, type RegionFlags } from '../explain/region-records';
import { PROGRESS_INTERVAL_MS, ProgressBar, WarningLog } from '../progress';
import { InFlightProgress } from '../../engine/pool/in-flight-progress';
import { countFastaRecords } from '../explain/count-records';
import { withCancellation } from '../cancellation';
import { parseLayout, parsePositiveInt } from '../options';


interface ExplainCliOptions extends ExplainFlags, RegionFlags {
  model: string;
  fasta: string;
  out: string;
  target?: string;
  layout?: string;
  threads?: string;
  layerRelevance?: boolean;
  unknown: string;
  groundTruth?: string;
  metrics?: string;
  motifs?: string;
  export?: string;
  rcAverage?: boolean;
}

export function register(program: Command): void {
  withRegionOptions(withExplanationOptions(program
    .command('explain')
    .description('explain a model\'s predictions for every sequence of a FASTA file (LRP, PLRP-λ, PLRP-M)')
    .requiredOption('--model <M.onnx>', 'ONNX genome model')
    .requiredOption('--fasta <X.fa>', 'sequences (.fa, .fa.gz)')
    .requiredOption('--out <out.json|out.npy>', 'output file')
    .option('--target <K|auto|@map.tsv>', 'output index to explain, the predicted one (auto), or a name→index map', 'auto'))
    .option('--motifs <FILE|bundled>', 'motif file (MEME, JASPAR, TRANSFAC) to scan and rank by captured relevance; "bundled" = JASPAR 2024')
    .option('--export <DIR>', 'also write bedGraph, .npy, hits, seqlets and a manifest into DIR'))
    .option('--rc-average', 'average each explanation with its reverse complement\'s (mapped back)')
    .option('--layout <auto|NCL|NLC>', 'input layout of the model (detected by default)', 'auto')
    .option('--layer-relevance', 'also store relevance before/after pruning at every pruning point')
    .option('--threads <N>', 'worker threads (default: cores − 1)')
    .option('--unknown <zeros|quarter>', 'encoding of N and IUPAC codes', 'zeros')
    .action((o: ExplainCliOptions) => withCancellation((signal) => runExplain(o, signal), EXPLAIN_CANCELLED));
}

/** `explain` writes its output at the end, so a cancel keeps nothing; the run cache is what keeps partial work. */
const EXPLAIN_CANCELLED = 'cancelled; nothing was written (plrp explain writes its output at the end). '
  + '`plrp runs start` computes into the run cache instead, where a cancelled run keeps what it stored and `plrp runs resume` continues it.';

/**
 * What --out names: out.json (every explanation) or out.npy (one). Any other name is refused: a
 * report.txt or out.json.gz would otherwise silently hold plain JSON.
 */
export function outputKind(out: string): 'json' | 'npy' {
  if (/\.json$/i.test(out)) return 'json';
  if (/\.npy$/i.test(out)) return 'npy';
  const gz = /\.gz$/i.test(out) ? ' (compressed output is not supported: gzip the .json afterwards)' : '';
  throw new AppError('USAGE', `--out ${out}: use a .json file (every explanation) or a .npy file (one explanation)${gz}`);
}

async function runExplain(o: ExplainCliOptions, signal: AbortSignal): Promise<void> {
  // Before anything runs: a wrong name is a usage error, not a finished run in the wrong format.
  const asNpy = outputKind(o.out) === 'npy';
  const configs = await explainConfigsFrom(o);
  const target = await parseTargetOption(o.target);
  const metrics: MetricName[] = o.metrics ? parseMetricNames(o.metrics) : [];
  const groundTruth = o.groundTruth ? await readGroundTruth(o.groundTruth) : null;
  const localisationNote = checkLocalisationMetrics(o.metrics, metrics, groundTruth !== null);
  if (asNpy && configs.length !== 1) throw new AppError('USAGE', `--out ${o.out}: a .npy file holds one explanation; this run has ${configs.length} (use out.json)`);
  if (o.unknown !== 'zeros' && o.unknown !== 'quarter') throw new AppError('USAGE', `--unknown must be 'zeros' or 'quarter'`);
  const layout = parseLayout(o.layout);
  // Validate the model here, before any worker starts: a bad model fails fast with its message.
  const probe = await openModel(o.model, { layout });
  const info = probe.info;
  await probe.close();
  if (target.kind === 'index' && target.index >= info.outputSize) {
    throw new AppError('BAD_TARGET', `target index ${target.index} is out of range: the model has ${info.outputSize} output${info.outputSize === 1 ? '' : 's'} (0..${info.outputSize - 1})`);
  }
  const regionSet = o.region.length || o.regions ? await regionRecords(o.fasta, o.region, o.regions) : null;
  const regions = regionSet?.records ?? null;
  const total = regions ? regions.length : await countFastaRecords(o.fasta);
  const bar = new ProgressBar('explain', total);
  const pool = new EnginePool({ handlerUrl: EXPLAIN_WORKER_URL, threads: o.threads ? parsePositiveInt('threads', o.threads) : undefined });
  const log = new WarningLog((line) => bar.log(line));
  const sink = asNpy ? new NpyOutput(o.out, configs[0].id, info, (w) => log.warn(w)) : new JsonOutput(o.out, header(o, info, configs, metrics), (w) => log.warn(w));
  const metricRows = new Map(configs.map((c) => [c.id, [] as SequenceMetrics[]]));
  const warnings: string[] = [];
  const annotations = await RelevanceAnnotations.create(o.motifs ?? (o.export ? 'bundled' : undefined), Boolean(o.export), warnings);
  for (const w of warnings) log.warn(w);
  for (const note of regionSet?.notes ?? []) bar.log(`plrp: note: ${note}`);
  if (localisationNote) log.warn(localisationNote);
  const byOutput = groundTruth ? groundTruthOutputs(groundTruth, o.model) : null;
  const scoringNote = groundTruth ? groundTruthScoringNote(o.groundTruth!, groundTruth, o.model) : null;
  if (scoringNote) bar.log(`plrp: note: ${scoringNote}`);
  let sequencesWithGroundTruth = 0;
  // The bar counts computed sequences, and the computed part of the batches in flight.
  const inFlight = new InFlightProgress();
  let computed = 0;
  const redraw = (): void => bar.update(computed + inFlight.sequences());
  const ticker = setInterval(redraw, PROGRESS_INTERVAL_MS);
  ticker.unref();
  try {
    const scheduler = new BatchScheduler<ExplainTask, ExplainTaskResult>((t) => pool.run(t), tasksInFlight(pool.workers));
    await scheduler.submit(createFastaJob({
      fastaPath: o.fasta, records: regions ? iterate(regions) : undefined, modelPath: o.model, modelSha256: info.sha256, configs,
      reverseComplement: Boolean(o.rcAverage),
      maxSequencesPerBatch: Math.min(info.batchLimit ?? Number.POSITIVE_INFINITY, batchSequencesFor(total, pool.workers)),
      uniqueNames: target.kind === 'map' || groundTruth !== null,
      targetOf: (name) => targetFor(target, name),
      groundTruthOf: (name, lengthBp, place) => {
        const mask = groundTruth ? sequenceGroundTruth(groundTruth, name, lengthBp, o.groundTruth!, byOutput, place) : null;
        if (mask) sequencesWithGroundTruth++;
        return mask;
      },
      metrics, layerRelevance: Boolean(o.layerRelevance), unknown: o.unknown, layout, signal, inFlight,
      onComputed: (n) => {
        computed += n;
        redraw();
      },
      emit: async (rec, seq) => {
        for (const e of seq.explanations) metricRows.get(e.configId)!.push(e.metrics as SequenceMetrics);
        annotations.add(rec, seq);
        await sink.add(rec, seq);
      },
    }));
    if (groundTruth && sequencesWithGroundTruth === 0) log.warn(unmatchedGroundTruth(o.groundTruth!, groundTruth, regions !== null));
    // What follows the relevance runs on this thread and may take a while (the motif scan of a
    // large file, the output): the bar says which step runs, and Ctrl-C lands between steps.
    await nextStep(signal);
    bar.phase(annotations.describeAnalysis());
    await nextStep(signal);
    const summary = metrics.length ? { summary: { metrics: Object.fromEntries([...metricRows].map(([id, rows]) => [id, summarizeMetrics(rows)])) } } : {};
    const analysis = annotations.analyze();
    await nextStep(signal);
    if (o.export) {
      bar.phase(`writing ${o.export}`);
      const overlaps = regions ? countOverlaps(regions.map((r) => ({ chrom: r.chrom!, offset: r.offsetBp ?? 0, lengthBp: r.sequence.length }))) : 0;
      if (overlaps > 0) log.warn(`${o.export}: relevance bedGraph: ${overlapNote(overlaps)}; each region's own values are in ${o.out}`);
      await annotations.export(o.export, analysis, {
        engineVersion: ENGINE_VERSION, modelPath: resolve(o.model),
        inputs: [{ role: 'fasta', path: resolve(o.fasta) }, ...(o.groundTruth ? [{ role: 'ground-truth', path: resolve(o.groundTruth) }] : []), ...(annotations.motifFile ? [{ role: 'motifs', path: resolve(annotations.motifFile) }] : [])],
        options: { explanations: configs, target: o.target, metrics, unknown: o.unknown, layout: layout ?? 'auto', regions: o.region, regionsBed: o.regions ? resolve(o.regions) : null, rcAverage: Boolean(o.rcAverage) },
      });
    }
    await nextStep(signal);
    bar.phase(`writing ${o.out}`);
    await sink.finish({ ...summary, ...RelevanceAnnotations.footer(analysis, annotations.motifFile && resolve(annotations.motifFile)) });
    bar.done();
    log.summary(asNpy ? null : o.out);
  } catch (e) {
    await sink.abort();
    throw e;
  } finally {
    clearInterval(ticker);
    await pool.destroy();
  }
}

/** Lets a Ctrl-C that came during the last step be handled, and stops there if it did. */
async function nextStep(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal.aborted) throw new AppError('CANCELLED', 'cancelled');
}

/** Paths are absolute, so that `plrp runs import` and `plrp report --from` find the files from any folder. */
function header(o: ExplainCliOptions, info: ModelInfo, configs: { id: string }[], metrics: MetricName[]): Record<string, unknown> {
  return {
    engine: { name: 'plrp-studio', version: ENGINE_VERSION },
    model: { path: resolve(o.model), sha256: info.sha256, layout: info.layout, input: info.inputName, length: info.lengthBp, outputs: info.outputSize, head: info.head, receptive_field_bp: info.receptiveFieldBp ?? null },
    fasta: resolve(o.fasta),
    // A region run says which regions it explained (each sequence's description is its locus), so
    // that `plrp runs import` stores it as a region run and `plrp report --from` reads their letters.
    ...(o.region.length || o.regions ? { regions: { strings: o.region, bed: o.regions ? resolve(o.regions) : null } } : {}),
    ground_truth: o.groundTruth ? resolve(o.groundTruth) : null,
    metrics,
    explanations: configs.map((c) => ({ id: c.id, config: c })),
  };
}

