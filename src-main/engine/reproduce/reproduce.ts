// `plrp reproduce`: the PLRP paper's genomics evaluation on the shipped sample models. For each
// single-task CNN: regenerate its held-out test positives, sweep LRP / PLRP-λ / PLRP-M over p,
// score every explanation, and write the table (TSV, Markdown, JSON) and the figures (SVG).
import { basename, join } from 'node:path';
import type { Composite } from '../../shared/explain-config';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../export/atomic-write';
import { openModel } from '../explain/open-model';
import type { FaithfulnessOptions } from '../metrics/faithfulness';
import { readMotifFile } from '../motifs/read-motifs';
import { heldOutPositives } from './held-out';
import { sweepPlots } from './report-plots';
import { sweepMarkdown, sweepTsv } from './report-tables';
import { runModelSweep } from './run-sweep';
import type { ShippedModel } from './shipped-model';
import { findPairModels, readShippedModel } from './shipped-model';
import { sweepPlan } from './sweep-configs';
import type { ModelSweep } from './sweep-result';
import { resourcesDir } from '../resources-dir';

export interface ReproduceOptions {
  outDir: string;
  /** Held-out positives per model. */
  sequences: number;
  seed: number;
  pGrid: number[];
  composite: Composite;
  /** Model manifests (.json); default: every single-task model in resources/models. */
  manifests?: string[];
  faithfulness?: Omit<FaithfulnessOptions, 'seed'>;
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface ReproduceResult {
  sweeps: ModelSweep[];
  files: string[];
}

async function resolveModels(manifests: string[] | undefined): Promise<ShippedModel[]> {
  const models = manifests?.length
    ? await Promise.all(manifests.map((m) => readShippedModel(m)))
    : await findPairModels(join(resourcesDir(), 'models'));
  if (models.length === 0) {
    throw new AppError('FILE_NOT_FOUND', `no single-task sample model (manifest .json + .onnx) in ${join(resourcesDir(), 'models')}`);
  }
  return models;
}

export async function reproduce(options: ReproduceOptions): Promise<ReproduceResult> {
  const log = options.log ?? (() => {});
  const models = await resolveModels(options.manifests);
  const plan = sweepPlan(options.pGrid, options.composite);
  const sweeps: ModelSweep[] = [];
  for (const m of models) {
    const motifs = await readMotifFile(join(resourcesDir(), 'jaspar', basename(m.motifSource)));
    const data = heldOutPositives(m.spec, motifs, options.sequences);
    if (data.names.length === 0) throw new AppError('BAD_CONFIG', `${m.name}: its test split has no positive sequence to explain`);
    log(`${m.name}: ${data.names.length} held-out positives × ${plan.configs.length} explanations`);
    const model = await openModel(m.onnxPath);
    try {
      const sweep = await runModelSweep(m.name, model, data, plan, {
        target: m.target,
        seed: options.seed,
        faithfulness: options.faithfulness,
        signal: options.signal,
        onProgress: (done, total) => {
          if (done % 25 === 0 || done === total) log(`${m.name}: ${done}/${total} sequences`);
        },
      });
      sweeps.push(sweep);
      log(`${m.name}: done in ${sweep.seconds.toFixed(1)} s; recommended p ${sweep.recommended.map((r) => `${r.method} ${r.p}`).join(', ')}`);
    } finally {
      await model.close();
    }
  }
  const files = new Map<string, string>([
    ['reproduce.tsv', sweepTsv(sweeps)],
    ['reproduce.md', reportMarkdown(sweeps, options)],
    ['reproduce.json', JSON.stringify({ options: describeOptions(options), sweeps }, null, 1) + '\n'],
  ]);
  for (const [name, svg] of sweepPlots(sweeps)) files.set(join('plots', name), svg);
  for (const [name, text] of files) await writeFileAtomic(join(options.outDir, name), text);
  return { sweeps, files: [...files.keys()].map((f) => join(options.outDir, f)) };
}

function describeOptions(o: ReproduceOptions): Record<string, unknown> {
  return { sequences: o.sequences, seed: o.seed, pGrid: o.pGrid, composite: o.composite, faithfulness: o.faithfulness ?? {}, lipschitz: { mode: 'dna', samples: 20 } };
}

function reportMarkdown(sweeps: readonly ModelSweep[], o: ReproduceOptions): string {
  const f = o.faithfulness ?? {};
  return [
    '# PLRP reproduction: explanation quality vs pruned fraction p',
    '',
    `Composite \`${o.composite}\`, threshold \`mass\`, λ \`total\`; held-out positives of each model's test split; ` +
      `values are mean ± standard deviation over sequences (TSV: median and quartiles too). ` +
      `Faithfulness: region perturbation, window ${f.window ?? 1}, baseline ${f.baseline ?? 'uniform'}, 20 % of positions; ` +
      `local Lipschitz: DNA mode, 20 neighbours with 1 % substitutions; seed ${o.seed}. ` +
      'PLRP at p = 0 is LRP (identical by construction).',
    '',
    sweepMarkdown(sweeps),
  ].join('\n');
}
