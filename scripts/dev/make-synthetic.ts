// Dev script: writes a synthetic genomics data set (train/validation/test FASTA, labels TSV,
// ground-truth BED, dataset.json) from a preset of src-main/engine/synth/presets.ts.
//   npx tsx scripts/dev/make-synthetic.ts --preset pair --out /tmp/plrp-synth/pair [--seed N]
//     [--motifs FILE (default: the bundled JASPAR file)] [--train N --validation N --test N]
import { parseArgs } from 'node:util';
import { bundledJasparPath } from '../../src-main/engine/motifs/bundled';
import { readMotifFile } from '../../src-main/engine/motifs/read-motifs';
import { SYNTH_PRESETS, type SynthPresetName } from '../../src-main/engine/synth/presets';
import { writeSynthDataset } from '../../src-main/engine/synth/write-dataset';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'pair' },
    out: { type: 'string' },
    seed: { type: 'string' },
    motifs: { type: 'string', default: bundledJasparPath() },
    train: { type: 'string' },
    validation: { type: 'string' },
    test: { type: 'string' },
  },
});

const presetName = values.preset as SynthPresetName;
const preset = SYNTH_PRESETS[presetName];
if (!preset) {
  console.error(`unknown preset '${values.preset}'; choose one of ${Object.keys(SYNTH_PRESETS).join(', ')}`);
  process.exit(2);
}
const count = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const spec = {
  ...preset,
  seed: count(values.seed, preset.seed),
  splits: {
    train: count(values.train, preset.splits.train),
    validation: count(values.validation, preset.splits.validation),
    test: count(values.test, preset.splits.test),
  },
};
const out = values.out ?? `/tmp/plrp-synth/${presetName}`;
const description = await writeSynthDataset(spec, await readMotifFile(values.motifs), out);
console.log(`${out}: ${JSON.stringify(description.splits)}`);
