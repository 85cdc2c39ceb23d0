// `plrp reproduce`: re-run the PLRP paper's genomics evaluation on the shipped sample CNNs and
// write the table (TSV, Markdown, JSON) and plots (SVG) to --out, with a recommended p per model.
import type { Command } from 'commander';
import { COMPOSITES, type Composite } from '../../shared/explain-config';
import { AppError } from '../../shared/errors';
import { BASELINE_KINDS, type BaselineKind } from '../../engine/metrics/perturbation-baseline';
import { DEFAULT_METRICS_SEED } from '../../engine/metrics/rng';
import { reproduce } from '../../engine/reproduce/reproduce';
import { DEFAULT_P_GRID } from '../../engine/reproduce/sweep-configs';

interface ReproduceCliOptions {
  out: string;
  sequences: string;
  seed: string;
  p: string;
  composite: string;
  baseline: string;
  window: string;
  models?: string;
}

function intOption(name: string, text: string, min: number): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) throw new AppError('USAGE', `--${name} must be an integer ≥ ${min}, got '${text}'`);
  return v;
}

function parsePGrid(text: string): number[] {
  const ps = text.split(',').map((s) => Number(s.trim()));
  if (ps.length === 0 || ps.some((p) => !Number.isFinite(p) || p < 0 || p >= 1)) {
    throw new AppError('USAGE', `--p must be a comma list of fractions in [0, 1), got '${text}'`);
  }
  return ps;
}

export async function runReproduce(opts: ReproduceCliOptions): Promise<void> {
  if (!(COMPOSITES as readonly string[]).includes(opts.composite)) {
    throw new AppError('USAGE', `--composite must be one of ${COMPOSITES.join(', ')}, got '${opts.composite}'`);
  }
  if (!(BASELINE_KINDS as readonly string[]).includes(opts.baseline)) {
    throw new AppError('USAGE', `--baseline must be one of ${BASELINE_KINDS.join(', ')}, got '${opts.baseline}'`);
  }
  const ac = new AbortController();
  const onSigint = () => ac.abort();
  process.once('SIGINT', onSigint);
  try {
    const t0 = performance.now();
    const result = await reproduce({
      outDir: opts.out,
      sequences: intOption('sequences', opts.sequences, 1),
      seed: intOption('seed', opts.seed, 0),
      pGrid: parsePGrid(opts.p),
      composite: opts.composite as Composite,
      manifests: opts.models?.split(',').map((s) => s.trim()).filter(Boolean),
      faithfulness: { baseline: opts.baseline as BaselineKind, window: intOption('window', opts.window, 1) },
      signal: ac.signal,
      log: (line) => process.stderr.write(`plrp reproduce: ${line}\n`),
    });
    for (const sw of result.sweeps) {
      for (const r of sw.recommended) process.stdout.write(`${sw.model}\t${r.method}\trecommended p = ${r.p}\t(${r.reason})\n`);
    }
    process.stderr.write(`plrp reproduce: wrote ${result.files.length} files to ${opts.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

export function register(program: Command): void {
  program
    .command('reproduce')
    .description("reproduce the PLRP paper's genomics evaluation (LRP vs PLRP-λ vs PLRP-M over p) on the sample CNNs")
    .option('--out <dir>', 'output folder (reproduce.tsv, reproduce.md, reproduce.json, plots/*.svg)', 'plrp-reproduce')
    .option('--sequences <n>', 'held-out positive sequences per model', '200')
    .option('--seed <n>', 'seed of the stochastic metrics (Lipschitz neighbours, shuffle baseline)', String(DEFAULT_METRICS_SEED))
    .option('--p <list>', 'pruned fractions to sweep', DEFAULT_P_GRID.join(','))
    .option('--composite <name>', `LRP composite (${COMPOSITES.join(', ')})`, 'epsilon-plus')
    .option('--baseline <kind>', `faithfulness baseline (${BASELINE_KINDS.join(', ')})`, 'uniform')
    .option('--window <bp>', 'faithfulness window size', '1')
    .option('--models <list>', 'model manifests (.json) to evaluate (default: the single-task models in resources/models)')
    .action(async (opts: ReproduceCliOptions) => {
      await runReproduce(opts);
    });
}
