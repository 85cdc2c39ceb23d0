// Writes a whole synthetic data set to a folder: per split `<split>.fa`, `<split>.labels.tsv`,
// `<split>.bed`, plus `dataset.json` (the spec, the motifs used and per-split counts), so a model
// trained on it can name exactly what it was trained on.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Motif } from '../motifs/motif';
import { formatGroundTruthBed, formatLabelsTsv, formatSynthFasta, summariseSplit, type SplitSummary } from './format';
import { generateSplit, resolveMotifs } from './generate';
import { SPLITS, synthSpecSchema, type SplitName, type SynthSpec, type SynthSpecInput } from './synth-spec';

export interface DatasetDescription {
  generator: string;
  spec: SynthSpec;
  motifs: { id: string; name: string; widthBp: number; source: string }[];
  splits: Record<SplitName, SplitSummary>;
}

/** Bumped whenever a change would alter the bytes a given spec produces. */
export const SYNTH_GENERATOR_VERSION = 'plrp-synth 1';

export async function writeSynthDataset(specInput: SynthSpecInput, allMotifs: readonly Motif[], outDir: string): Promise<DatasetDescription> {
  const spec = synthSpecSchema.parse(specInput);
  const motifs = resolveMotifs(spec, allMotifs);
  await mkdir(outDir, { recursive: true });
  const splits = {} as Record<SplitName, SplitSummary>;
  for (const split of SPLITS) {
    const records = generateSplit(spec, motifs, split);
    await writeFile(join(outDir, `${split}.fa`), formatSynthFasta(records));
    await writeFile(join(outDir, `${split}.labels.tsv`), formatLabelsTsv(records, spec.tasks));
    await writeFile(join(outDir, `${split}.bed`), formatGroundTruthBed(records));
    splits[split] = summariseSplit(records, spec.tasks);
  }
  const description: DatasetDescription = {
    generator: SYNTH_GENERATOR_VERSION,
    spec,
    motifs: [...motifs.entries()].map(([id, m]) => ({ id, name: m.altId, widthBp: m.probs.length, source: m.source })),
    splits,
  };
  await writeFile(join(outDir, 'dataset.json'), JSON.stringify(description, null, 1) + '\n');
  return description;
}
