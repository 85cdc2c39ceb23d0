// resources/demo/ must be exactly what the generator produces today: if a change to the generator
// alters the bytes, this fails and the demo (and models' training data) must be regenerated.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledJasparPath } from '../../../../src-main/engine/motifs/bundled';
import type { Motif } from '../../../../src-main/engine/motifs/motif';
import { readMotifFile } from '../../../../src-main/engine/motifs/read-motifs';
import { DEMO_SETS, renderDemoSet } from '../../../../src-main/engine/synth/demo-sets';
import { parseBed, parseFastaOneOrMoreLines } from './synth-fixtures';

let jaspar: Motif[];
beforeAll(async () => {
  jaspar = await readMotifFile(bundledJasparPath());
});

describe('shipped demo data', () => {
  for (const set of DEMO_SETS) {
    it(`${set.stem}: FASTA, BED and labels equal the generator's output byte for byte`, () => {
      const files = renderDemoSet(set, jaspar);
      expect(readFileSync(`resources/demo/${set.stem}.fa`, 'utf8')).toBe(files.fasta);
      expect(readFileSync(`resources/demo/${set.stem}.bed`, 'utf8')).toBe(files.bed);
      expect(readFileSync(`resources/demo/${set.stem}.labels.tsv`, 'utf8')).toBe(files.labels);
    });

    it(`${set.stem}: every BED interval holds a site of the named JASPAR motif with positive probability at each base`, () => {
      const seqs = parseFastaOneOrMoreLines(readFileSync(`resources/demo/${set.stem}.fa`, 'utf8'));
      const lines = parseBed(readFileSync(`resources/demo/${set.stem}.bed`, 'utf8'));
      expect(seqs.size).toBe(set.count);
      for (const l of lines) {
        const motif = jaspar.find((m) => m.id === l.motif.slice(l.motif.lastIndexOf(':') + 1))!;
        const site = seqs.get(l.name)!.slice(l.start, l.end);
        const forward = l.strand === '+' ? site : [...site].reverse().map((c) => 'TGCA'['ACGT'.indexOf(c)]).join('');
        expect(forward.length).toBe(motif.probs.length);
        [...forward].forEach((b, k) => expect(motif.probs[k]['ACGT'.indexOf(b)]).toBeGreaterThan(0));
      }
    });
  }
});
