// One explanation = a composite of LRP rules, optionally pruned (PLRP). A run computes several at
// once; `id` names each in every output (JSON keys, tracks, exports).
import { z } from 'zod';

export const COMPOSITES = [
  'epsilon',
  'epsilon-plus',
  'epsilon-gamma-box',
  'epsilon-alpha2-beta1',
  'epsilon-plus-flat',
] as const;
export type Composite = (typeof COMPOSITES)[number];

export const METHODS = ['lrp', 'plrp-lambda', 'plrp-m'] as const;
export type Method = (typeof METHODS)[number];

export const THRESHOLDS = ['mass', 'mass-per-sign', 'count'] as const;
export type ThresholdMode = (typeof THRESHOLDS)[number];

export const LAMBDAS = ['total', 'per-sign'] as const;
export type LambdaMode = (typeof LAMBDAS)[number];

/** Defaults of ../shared/spec/lrp.md (zennit's) and plrp.md. */
export const DEFAULT_EPSILON = 1e-6;
export const DEFAULT_STABILIZER = 1e-6;
export const DEFAULT_GAMMA = 0.25;

/**
 * p, the pruned fraction, from 0 (plain LRP) to 1 (every entry pruned: plrp.md's mass cut keeps
 * nothing once T = Σ|R|) wherever it is given: the CLI's --p, explain configs and the app's form.
 */
export const P_MAX = 1;

/** "must be between 0 and 1, got 30": what is wrong with a p, said for the user; null when it is fine. */
export function pRangeProblem(p: number): string | null {
  return Number.isFinite(p) && p >= 0 && p <= P_MAX ? null : `must be between 0 and ${P_MAX} (the fraction of relevance pruned at each pruning point), got ${p}`;
}

const pruneFraction = z.number().refine((p) => pRangeProblem(p) === null, { error: (issue) => `p ${pRangeProblem(issue.input as number)}` });

export const explainConfigSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, dot, dash, underscore'),
    composite: z.enum(COMPOSITES).default('epsilon-plus'),
    epsilon: z.number().finite().nonnegative().default(DEFAULT_EPSILON),
    gamma: z.number().finite().nonnegative().default(DEFAULT_GAMMA),
    stabilizer: z.number().finite().nonnegative().default(DEFAULT_STABILIZER),
    method: z.enum(METHODS).default('lrp'),
    /** Pruned fraction; a number for all pruning points, or per point (tensor name → p). */
    p: z.union([pruneFraction, z.record(z.string(), pruneFraction)]).default(0),
    threshold: z.enum(THRESHOLDS).default('mass'),
    lambda: z.enum(LAMBDAS).default('total'),
    /** Per-layer rule override by node name. */
    rules: z.record(z.string(), z.enum(['epsilon', 'zplus', 'alpha2-beta1', 'gamma', 'zbox', 'flat', 'wsquare'])).default({}),
  })
  .strict();

export type ExplainConfig = z.output<typeof explainConfigSchema>;
export type ExplainConfigInput = z.input<typeof explainConfigSchema>;

export function parseExplainConfig(input: unknown): ExplainConfig {
  return explainConfigSchema.parse(input);
}

/** Canonical JSON of a config (sorted keys): part of the cache key, so equal configs hash equally. */
export function canonicalConfig(c: ExplainConfig): string {
  const { id: _id, ...rest } = c;
  return canonicalJson(rest);
}

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
