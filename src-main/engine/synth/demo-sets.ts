// The demo data shipped in resources/demo/: the first held-out (test split) sequences of each
// preset, i.e. sequences the shipped models never saw in training or model selection. Kept as code
// so the files can be regenerated and a test can prove the shipped bytes still match the generator.
import type { Motif } from '../motifs/motif';
import { formatGroundTruthBed, formatLabelsTsv, formatSynthFasta } from './format';
import { generateRecord, resolveMotifs } from './generate';
import { SYNTH_PRESETS, type SynthPresetName } from './presets';
import { synthSpecSchema } from './synth-spec';

export interface DemoSet {
  /** File stem in resources/demo/: STEM.fa, STEM.bed, STEM.labels.tsv. */
  stem: string;
  preset: SynthPresetName;
  count: number;
  /** Models in resources/models/ trained on this preset. */
  models: string[];
}

export const DEMO_SETS: DemoSet[] = [
  { stem: 'gata-tal-pair', preset: 'pair', count: 40, models: ['cnn4-pair', 'cnn32-pair'] },
  { stem: 'multitask', preset: 'multitask', count: 40, models: ['deep-multitask'] },
];

export function renderDemoSet(set: DemoSet, allMotifs: readonly Motif[]): { fasta: string; bed: string; labels: string } {
  const spec = synthSpecSchema.parse(SYNTH_PRESETS[set.preset]);
  const motifs = resolveMotifs(spec, allMotifs);
  const records = Array.from({ length: set.count }, (_, i) => generateRecord(spec, motifs, 'test', i));
  return {
    fasta: formatSynthFasta(records),
    bed: formatGroundTruthBed(records),
    labels: formatLabelsTsv(records, spec.tasks),
  };
}
