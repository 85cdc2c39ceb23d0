// The explanations of one `plrp explain` run: from command-line flags, or from a --explain-config
// JSON file (an array of configs; errors name the file and the entry).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ZodError } from 'zod';
import { AppError, errorMessage } from '../../shared/errors';
import { parseExplainConfig, pRangeProblem, type ExplainConfig } from '../../shared/explain-config';

export interface ExplainFlags {
  composite?: string;
  epsilon?: string;
  gamma?: string;
  stabilizer?: string;
  method?: string;
  p?: string;
  threshold?: string;
  lambda?: string;
  explainConfig?: string;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function numberFlag(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  // Number() reads '' and ' ' as 0 and '0x1' as 1; a flag is a decimal number as written.
  const x = DECIMAL.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(x)) throw new AppError('USAGE', `--${name} must be a number, got '${v}'`);
  return x;
}

function describeZod(e: ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
}

/** The options that choose the explanations (and their metrics), shared by `explain` and `runs start`. */
export function withExplanationOptions(command: Command): Command {
  return command
    .option('--composite <name>', 'epsilon | epsilon-plus | epsilon-gamma-box | epsilon-alpha2-beta1 | epsilon-plus-flat (default epsilon-plus)')
    .option('--epsilon <F>', 'ε of the ε rule (default 1e-6)')
    .option('--gamma <F>', 'γ of the γ rule (default 0.25)')
    .option('--stabilizer <F>', 'denominator stabilizer of z⁺/γ/αβ/z^B (default 1e-6)')
    .option('--method <lrp|plrp-lambda|plrp-m>', 'plain LRP or Pruned LRP', 'lrp')
    .option('--p <F>', 'PLRP: pruned fraction at each pruning point (0..1)')
    .option('--threshold <mass|mass-per-sign|count>', 'PLRP: which entries are pruned')
    .option('--lambda <total|per-sign>', 'PLRP-λ: how the kept relevance is rescaled')
    .option('--explain-config <cfg.json>', 'JSON array of explanation configs, all computed in one run')
    .option('--ground-truth <GT.bed>', 'ground-truth regions (name start end) for RMA and RRA')
    .option('--metrics <list>', 'gini,entropy,rma,rra,lipschitz,faithfulness (or all)');
}

export async function explainConfigsFrom(flags: ExplainFlags): Promise<ExplainConfig[]> {
  if (flags.explainConfig) return readConfigFile(flags.explainConfig);
  const method = flags.method ?? 'lrp';
  checkPruningFlags(method, flags);
  // The ids the app gives the same explanations (its New-run form, the demo): `lrp` for plain LRP
  // whatever its composite (the composite is in the options), `plrp-lambda-p0.3` for PLRP, with p
  // written as a number (`--p .30` is p0.3). Runs stored before with `epsilon-plus` keep that id.
  const p = numberFlag('p', flags.p);
  const badP = p === undefined ? null : pRangeProblem(p);
  if (badP) throw new AppError('USAGE', `--p ${badP}`);
  const raw = {
    id: method === 'lrp' ? 'lrp' : `${method}-p${p ?? 0}`,
    composite: flags.composite,
    epsilon: numberFlag('epsilon', flags.epsilon),
    gamma: numberFlag('gamma', flags.gamma),
    stabilizer: numberFlag('stabilizer', flags.stabilizer),
    method,
    p,
    threshold: flags.threshold,
    lambda: flags.lambda,
  };
  try {
    return [parseExplainConfig(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)))];
  } catch (e) {
    if (e instanceof ZodError) throw new AppError('USAGE', `invalid explanation options: ${describeZod(e)}`);
    throw e;
  }
}

/**
 * PLRP's flags only make sense together: a PLRP method without --p would run p = 0, which is plain
 * LRP under a PLRP label, and --p with LRP would be silently ignored.
 */
function checkPruningFlags(method: string, flags: ExplainFlags): void {
  const pruningFlags = (['p', 'threshold', 'lambda'] as const).filter((f) => flags[f] !== undefined);
  if (method === 'lrp' && pruningFlags.length) {
    throw new AppError('USAGE', `${pruningFlags.map((f) => `--${f}`).join(', ')} appl${pruningFlags.length === 1 ? 'ies' : 'y'} to Pruned LRP only: add --method plrp-lambda or --method plrp-m`);
  }
  if (method !== 'lrp' && flags.p === undefined) {
    throw new AppError('USAGE', `--method ${method} needs --p, the fraction of relevance pruned at each pruning point (e.g. --p 0.3)`);
  }
  if (method === 'plrp-m' && flags.lambda !== undefined) throw new AppError('USAGE', '--lambda applies to --method plrp-lambda only (PLRP-M does not rescale)');
}

async function readConfigFile(path: string): Promise<ExplainConfig[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError('FILE_NOT_FOUND', `${path}: explanation config file not found`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new AppError('BAD_CONFIG', `${path}: not valid JSON (${errorMessage(e)})`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new AppError('BAD_CONFIG', `${path}: expected a non-empty JSON array of explanation configs`);
  const configs = parsed.map((entry, i) => {
    try {
      return parseExplainConfig(entry);
    } catch (e) {
      if (e instanceof ZodError) throw new AppError('BAD_CONFIG', `${path}: entry ${i}: ${describeZod(e)}`);
      throw e;
    }
  });
  const ids = new Set<string>();
  for (const c of configs) {
    if (ids.has(c.id)) throw new AppError('BAD_CONFIG', `${path}: the id '${c.id}' is used twice; every explanation needs its own id`);
    ids.add(c.id);
  }
  return configs;
}
