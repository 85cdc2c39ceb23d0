// `plrp explain`: relevance for every sequence of a FASTA file, for one or more explanation
// configs, written as out.json (all configs) or out.npy (one config, [N, L, 4]).
import type { Command } from 'commander';
import { AppError } from '../../shared/errors';
import { openModel } from '../../engine/explain/open-model';
import { writeNpy } from '../../engine/export/npy';
import { ENGINE_VERSION } from '../../services/engine-version';
import { explainConfigsFrom, type ExplainFlags } from '../explain/explain-configs';
import { parseTargetOption } from '../explain/targets-option';
import { explainFasta, type ExplainedRecord } from '../explain/explain-fasta';
import { JsonOutput } from '../explain/json-output';
import { ProgressBar } from '../progress';
import { countFastaRecords } from '../explain/count-records';
import { withCancellation } from '../cancellation';
import { parseLayout, parsePositiveInt } from '../options';

interface ExplainCliOptions extends ExplainFlags {
  model: string;
  fasta: string;
  out: string;
  target?: string;
  layout?: string;
  batchSize: string;
  threads?: string;
  layerRelevance?: boolean;
  unknown: string;
}

export function register(program: Command): void {
  program
    .command('explain')
    .description('explain a model\'s predictions for every sequence of a FASTA file (LRP, PLRP-λ, PLRP-M)')
    .requiredOption('--model <M.onnx>', 'ONNX genome model')
    .requiredOption('--fasta <X.fa>', 'sequences (.fa, .fa.gz)')
    .requiredOption('--out <out.json|out.npy>', 'output file')
    .option('--target <K|auto|@map.tsv>', 'output index to explain, the predicted one (auto), or a name→index map', 'auto')
    .option('--composite <name>', 'epsilon | epsilon-plus | epsilon-gamma-box | epsilon-alpha2-beta1 | epsilon-plus-flat')
    .option('--epsilon <F>', 'ε of the ε rule (default 1e-6)')
    .option('--gamma <F>', 'γ of the γ rule (default 0.25)')
    .option('--stabilizer <F>', 'denominator stabilizer of z⁺/γ/αβ/z^B (default 1e-6)')
    .option('--method <lrp|plrp-lambda|plrp-m>', 'plain LRP or Pruned LRP', 'lrp')
    .option('--p <F>', 'PLRP: pruned fraction at each pruning point (0..1)')
    .option('--threshold <mass|mass-per-sign|count>', 'PLRP: which entries are pruned')
    .option('--lambda <total|per-sign>', 'PLRP-λ: how the kept relevance is rescaled')
    .option('--explain-config <cfg.json>', 'JSON array of explanation configs, all computed in one run')
    .option('--layout <auto|NCL|NLC>', 'input layout of the model (detected by default)', 'auto')
    .option('--layer-relevance', 'also store relevance before/after pruning at every pruning point')
    .option('--batch-size <N>', 'model windows per batch', '64')
    .option('--threads <N>', 'onnxruntime threads')
    .option('--unknown <zeros|quarter>', 'encoding of N and IUPAC codes', 'zeros')
    .action(async (o: ExplainCliOptions) => {
      await withCancellation((signal) => runExplain(o, signal));
    });
}

async function runExplain(o: ExplainCliOptions, signal: AbortSignal): Promise<void> {
  const configs = await explainConfigsFrom(o);
  const target = await parseTargetOption(o.target);
  const asNpy = o.out.endsWith('.npy');
  if (asNpy && configs.length !== 1) throw new AppError('USAGE', `--out ${o.out}: a .npy file holds one explanation; this run has ${configs.length} (use out.json)`);
  if (o.unknown !== 'zeros' && o.unknown !== 'quarter') throw new AppError('USAGE', `--unknown must be 'zeros' or 'quarter'`);
  const model = await openModel(o.model, { intraOpThreads: o.threads ? parsePositiveInt('threads', o.threads) : 2, layout: parseLayout(o.layout) });
  try {
    const total = await countFastaRecords(o.fasta);
    const bar = new ProgressBar('explain', total);
    const records = explainFasta(model, o.fasta, {
      configs, target, batchWindows: parsePositiveInt('batch-size', o.batchSize),
      unknown: o.unknown, layerRelevance: Boolean(o.layerRelevance), signal,
    });
    const header = {
      engine: { name: 'plrp-studio', version: ENGINE_VERSION },
      model: { path: o.model, sha256: model.info.sha256, layout: model.info.layout, input: model.info.inputName, length: model.info.lengthBp, outputs: model.info.outputSize, head: model.info.head },
      fasta: o.fasta,
      explanations: configs.map((c) => ({ id: c.id, config: c })),
    };
    let done = 0;
    if (asNpy) {
      const all: ExplainedRecord[] = [];
      for await (const rec of records) { all.push(rec); bar.update(++done); }
      await writeNpyOutput(o.out, all, configs[0].id);
    } else {
      const out = new JsonOutput(o.out, header);
      try {
        for await (const rec of records) { await out.add(rec); bar.update(++done); }
        await out.finish();
      } catch (e) {
        await out.abort();
        throw e;
      }
    }
    bar.done();
  } finally {
    await model.close();
  }
}

async function writeNpyOutput(path: string, records: ExplainedRecord[], id: string): Promise<void> {
  const lengths = new Set(records.map((r) => r.lengthBp));
  if (lengths.size > 1) throw new AppError('USAGE', `--out ${path}: sequences have different lengths (${[...lengths].slice(0, 5).join(', ')} bp); an [N, L, 4] .npy needs one length — use out.json`);
  const L = records[0]?.lengthBp ?? 0;
  const data = new Float32Array(records.length * L * 4);
  records.forEach((r, i) => data.set(r.relevance[id], i * L * 4));
  await writeNpy(path, data, [records.length, L, 4]);
}
