// `plrp synth`: writes a seeded synthetic genomics data set (train/validation/test FASTA, labels
// TSV, ground-truth BED, dataset.json) from a preset or a JSON spec — the data the sample models
// were trained on, or new data with other motifs, to test a model or a method against known truth.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, errorMessage } from '../../shared/errors';
import { bundledJasparPath } from '../../engine/motifs/bundled';
import { readMotifFile } from '../../engine/motifs/read-motifs';
import { SYNTH_PRESETS, type SynthPresetName } from '../../engine/synth/presets';
import { synthSpecSchema, type SynthSpecInput } from '../../engine/synth/synth-spec';
import { writeSynthDataset } from '../../engine/synth/write-dataset';

interface SynthCliOptions {
  preset?: string;
  spec?: string;
  seed?: string;
  train?: string;
  validation?: string;
  test?: string;
  motifs?: string;
  out: string;
}

function count(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isInteger(v) || v < 0 || v > max) throw new AppError('USAGE', `--${flag} must be an integer in [0, ${max}], got '${text}'`);
  return v;
}

async function loadSpec(opts: SynthCliOptions): Promise<SynthSpecInput> {
  if (opts.spec !== undefined && opts.preset !== undefined) throw new AppError('USAGE', 'give either --preset or --spec, not both');
  if (opts.spec === undefined) {
    const name = opts.preset ?? 'pair';
    if (!(name in SYNTH_PRESETS)) throw new AppError('USAGE', `unknown --preset '${name}'; choose one of ${Object.keys(SYNTH_PRESETS).join(', ')}`);
    return SYNTH_PRESETS[name as SynthPresetName];
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(opts.spec, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'BAD_CONFIG';
    throw new AppError(code, `${opts.spec}: ${errorMessage(e)}`);
  }
  const parsed = synthSpecSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_CONFIG', `${opts.spec}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function runSynth(opts: SynthCliOptions): Promise<void> {
  const base = await loadSpec(opts);
  const maxSeqs = 10_000_000;
  const spec = synthSpecSchema.parse({
    ...base,
    seed: count('seed', opts.seed, base.seed, 0xffffffff),
    splits: {
      train: count('train', opts.train, base.splits.train, maxSeqs),
      validation: count('validation', opts.validation, base.splits.validation, maxSeqs),
      test: count('test', opts.test, base.splits.test, maxSeqs),
    },
  });
  const motifs = await readMotifFile(opts.motifs ?? bundledJasparPath());
  const d = await writeSynthDataset(spec, motifs, opts.out);
  const counts = Object.entries(d.splits).map(([k, s]) => `${k} ${s.sequences} (${Object.values(s.positives).join('/')} positive)`);
  process.stderr.write(`plrp synth: ${opts.out}: ${counts.join(', ')}; seed ${spec.seed}\n`);
}

export function register(program: Command): void {
  program
    .command('synth')
    .description('write a seeded synthetic data set: random background + planted JASPAR motifs, labels, ground-truth BED')
    .requiredOption('--out <dir>', 'output folder (train|validation|test .fa/.labels.tsv/.bed + dataset.json)')
    .option('--preset <name>', `built-in spec: ${Object.keys(SYNTH_PRESETS).join(', ')} (default: pair)`)
    .option('--spec <file>', 'JSON spec {seed, lengthBp, gc, tasks:[{name, motifs:[ids]}], positiveRate, partialRate, minGapBp, splits}')
    .option('--seed <n>', 'override the spec seed (unsigned 32-bit integer)')
    .option('--train <n>', 'number of training sequences')
    .option('--validation <n>', 'number of validation sequences')
    .option('--test <n>', 'number of test sequences')
    .option('--motifs <file>', 'motif file holding the spec\'s accessions (default: bundled JASPAR 2024 vertebrates)')
    .action(async (opts: SynthCliOptions) => {
      await runSynth(opts);
    });
}
