// What a synthetic data set is: sequence length, background GC, the tasks (each labelled 1 iff
// all of its motifs are planted) and how often motifs are planted. The spec, with its seed, is
// the complete recipe: the same spec and motif file give the same bytes (see generate.ts).
import { z } from 'zod';

export const synthTaskSchema = z.object({
  name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'use letters, digits, dot, dash, underscore'),
  /** JASPAR accessions (e.g. MA0035.5); the label is 1 iff every one of them is planted. */
  motifs: z.array(z.string().min(1)).min(1),
});
export type SynthTask = z.infer<typeof synthTaskSchema>;

export const synthSpecSchema = z.object({
  /** Unsigned 32-bit seed: every split and every sequence derives its own stream from it. */
  seed: z.number().int().min(0).max(0xffffffff),
  lengthBp: z.number().int().min(20).max(100_000),
  gc: z.number().gt(0).lt(1).default(0.41),
  tasks: z.array(synthTaskSchema).min(1),
  /** Probability that a task's whole motif set is planted in a sequence (independently per task). */
  positiveRate: z.number().min(0).max(1).default(0.5),
  /** For tasks of 2+ motifs that were not planted whole: probability of planting a proper, non-empty
   * subset instead. These hard negatives force a model to learn the conjunction, not one motif. */
  partialRate: z.number().min(0).max(1).default(0.5),
  /** Minimum number of background bases between two planted sites, so ground-truth intervals never
   * touch and each base belongs to at most one site. */
  minGapBp: z.number().int().min(0).default(2),
  splits: z.object({
    train: z.number().int().min(0),
    validation: z.number().int().min(0),
    test: z.number().int().min(0),
  }),
});
export type SynthSpec = z.infer<typeof synthSpecSchema>;
export type SynthSpecInput = z.input<typeof synthSpecSchema>;

export const SPLITS = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLITS)[number];

/** Motif accessions a spec needs, in first-use order (the order sites are planted in). */
export function specMotifIds(spec: Pick<SynthSpec, 'tasks'>): string[] {
  const ids: string[] = [];
  for (const t of spec.tasks) for (const m of t.motifs) if (!ids.includes(m)) ids.push(m);
  return ids;
}
