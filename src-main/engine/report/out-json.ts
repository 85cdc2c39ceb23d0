// The `plrp explain` out.json document as the report, the shard merge and `plrp runs import` read
// it: parsed once at the trust boundary (a file a user hands us), loosely — fields a newer engine
// adds pass through untouched, so an older reader still merges and imports what it knows.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { explainConfigSchema, type ExplainConfig } from '../../shared/explain-config';

const sequenceSchema = z.looseObject({
  name: z.string(),
  description: z.string().default(''),
  length: z.number().int().nonnegative(),
  target: z.number().int(),
  logit: z.number().nullable(),
  output: z.array(z.number().nullable()),
  /** Explanation id → [L][A, C, G, T]. A cached run's report document leaves it empty for sequences it does not draw. */
  relevance: z.record(z.string(), z.array(z.array(z.number()))),
  /** Explanation id → Σ R, when known without the relevance (a cached run's report document). */
  relevance_sum: z.record(z.string(), z.number()).optional(),
  diagnostics: z.record(z.string(), z.unknown()).default({}),
  metrics: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  /** What may make this sequence's results mislead (short, mostly N, non-finite or PLRP-magnified relevance); absent when none. */
  warnings: z.array(z.string()).optional(),
});

const outJsonSchema = z.looseObject({
  engine: z.looseObject({ name: z.string(), version: z.string() }),
  model: z.looseObject({
    path: z.string(),
    sha256: z.string(),
    layout: z.string().optional(),
    input: z.string().optional(),
    length: z.number().optional(),
    outputs: z.number().optional(),
    head: z.string().optional(),
  }),
  fasta: z.string(),
  /**
   * Set by `plrp explain --region/--regions` (and a region run's report document): the regions as
   * asked for (`strings`, the BED file's path `bed`); each sequence's description is its locus.
   */
  regions: z.looseObject({ strings: z.array(z.string()).default([]), bed: z.string().nullable().default(null) }).optional(),
  ground_truth: z.string().nullable().default(null),
  metrics: z.array(z.string()).default([]),
  explanations: z.array(z.looseObject({ id: z.string(), config: explainConfigSchema })).min(1),
  sequences: z.array(sequenceSchema),
  summary: z.looseObject({ metrics: z.record(z.string(), z.record(z.string(), z.unknown())).optional() }).optional(),
  seqlets: z.record(z.string(), z.array(z.looseObject({ sequence: z.number().int() }))).optional(),
  motifs: z.looseObject({ file: z.string().nullable().optional() }).optional(),
});

export type OutSequence = z.infer<typeof sequenceSchema>;
export type OutJson = z.infer<typeof outJsonSchema>;

export function parseOutJson(value: unknown, source: string): OutJson {
  const parsed = outJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_CONFIG', `${source}: not a plrp explain out.json (${issue.path.join('.') || 'document'}: ${issue.message})`);
  }
  return parsed.data;
}

export async function readOutJson(path: string): Promise<OutJson> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AppError('FILE_NOT_FOUND', `${path}: no such file`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AppError('BAD_CONFIG', `${path}: not JSON (${(e as Error).message})`);
  }
  return parseOutJson(value, path);
}

export function configsOf(doc: OutJson): ExplainConfig[] {
  return doc.explanations.map((e) => e.config);
}

/** [L][4] rows → flat [L, 4] float32, the engine's relevance layout. */
export function flatRelevance(rows: readonly (readonly number[])[]): Float32Array {
  const out = new Float32Array(rows.length * 4);
  rows.forEach((r, i) => out.set(r.slice(0, 4), i * 4));
  return out;
}
