// Dev script: writes resources/demo/STEM.{fa,bed,labels.tsv} for every demo set of
// src-main/engine/synth/demo-sets.ts (held-out test-split sequences of the shipped models' data).
//   npx tsx scripts/dev/make-demo.ts [--out resources/demo] [--motifs FILE]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledJasparPath } from '../../src-main/engine/motifs/bundled';
import { readMotifFile } from '../../src-main/engine/motifs/read-motifs';
import { DEMO_SETS, renderDemoSet } from '../../src-main/engine/synth/demo-sets';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'resources/demo' },
    motifs: { type: 'string', default: bundledJasparPath() },
  },
});
const motifs = await readMotifFile(values.motifs);
await mkdir(values.out, { recursive: true });
for (const set of DEMO_SETS) {
  const files = renderDemoSet(set, motifs);
  await writeFile(join(values.out, `${set.stem}.fa`), files.fasta);
  await writeFile(join(values.out, `${set.stem}.bed`), files.bed);
  await writeFile(join(values.out, `${set.stem}.labels.tsv`), files.labels);
  console.log(`${values.out}/${set.stem}.{fa,bed,labels.tsv}: ${set.count} sequences (${set.preset} test split)`);
}
